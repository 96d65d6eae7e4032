package app.tonehone.common.error;

import app.tonehone.common.db.DatabaseErrors;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Anything else is our fault: 500 with an error id the client can quote, and the failure
 * logged under that id, without its messages (see {@link SafeThrowable}). Except a lost
 * database connection (a PostgreSQL restart or failover): that passes within a second or two,
 * so it is a 503 with Retry-After, which the client retries (bench/faults saw 500s instead).
 */
public class UnexpectedProblemMapper {

    private static final Logger LOG = Logger.getLogger(UnexpectedProblemMapper.class);

    static final int RETRY_AFTER_SECONDS = 1;

    @ServerExceptionMapper
    public Response map(Throwable e) {
        if (DatabaseErrors.connectionLost(e)) {
            LOG.warnf("Database connection lost (%s); answered 503", SafeThrowable.of(e).getMessage());
            return Response.fromResponse(Problems.response(503,
                            "The database is briefly unavailable; retry (with the same Idempotency-Key for a POST)"))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        return internalError(e);
    }

    static Response internalError(Throwable e) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(SafeThrowable.of(e), "Unexpected failure, error id %s", errorId);
        return Problems.response(500, "Something went wrong on our side; error id " + errorId);
    }
}
