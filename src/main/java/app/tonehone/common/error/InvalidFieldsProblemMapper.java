package app.tonehone.common.error;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Invalid fields found in code: 400 with one entry per field, shaped like Bean Validation's. */
public class InvalidFieldsProblemMapper {

    @ServerExceptionMapper
    public Response map(InvalidFieldsException e) {
        return Problems.response(Problems.of(400, e.getMessage(), e.errors()));
    }
}
