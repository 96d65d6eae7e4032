package app.tonehone.common.error;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Failures that services report on purpose: their status and detail go to the client as they are. */
public class ApiExceptionMapper {

    @ServerExceptionMapper
    public Response map(ApiException e) {
        return Problems.response(e.status(), e.getMessage());
    }
}
