package app.tonehone.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * HTTP-level failures raised by the REST layer (no such resource, method not allowed,
 * unsupported media type, ...): their status, as a problem. The exception's message may
 * quote the request, so the detail is the status's own wording.
 */
public class WebApplicationProblemMapper {

    private final JsonProblemMapper json = new JsonProblemMapper();

    @ServerExceptionMapper
    public Response map(WebApplicationException e) {
        // The REST layer wraps some body-reading failures (malformed JSON) in a 400.
        if (e.getCause() instanceof JsonProcessingException cause) {
            return json.map(cause);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return UnexpectedProblemMapper.internalError(e);
        }
        Response.ResponseBuilder builder = Response.fromResponse(Problems.response(status, detail(status)));
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    private static String detail(int status) {
        return switch (status) {
            case 404 -> "No resource at this address";
            case 405 -> "This method is not allowed here";
            case 406 -> "No acceptable representation: ask for application/json";
            case 413 -> "The request body is too large";
            case 415 -> "Unsupported content type: send application/json";
            default -> "The request cannot be processed";
        };
    }
}
