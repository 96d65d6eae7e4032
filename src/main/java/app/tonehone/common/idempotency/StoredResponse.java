package app.tonehone.common.idempotency;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * A creating request's answer as it was first sent: status, Location and the JSON body,
 * byte for byte, so that a retry gets exactly the same response.
 */
public record StoredResponse(int status, String location, String body) {

    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON).entity(body);
        if (location != null) {
            response.location(URI.create(location));
        }
        return response.build();
    }
}
