package app.tonehone.common.error;

import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Anything else is our fault: 500 with an error id the client can quote, and the failure
 * logged under that id, without its messages (see {@link SafeThrowable}).
 */
public class UnexpectedProblemMapper {

    private static final Logger LOG = Logger.getLogger(UnexpectedProblemMapper.class);

    @ServerExceptionMapper
    public Response map(Throwable e) {
        return internalError(e);
    }

    static Response internalError(Throwable e) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(SafeThrowable.of(e), "Unexpected failure, error id %s", errorId);
        return Problems.response(500, "Something went wrong on our side; error id " + errorId);
    }
}
