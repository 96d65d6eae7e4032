package app.tonehone.common.error;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** No token, or a bad, expired or foreign one: 401. An authenticated caller without the role: 403. */
public class AuthProblemMapper {

    @ServerExceptionMapper
    public Response map(AuthenticationFailedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response map(UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response map(ForbiddenException e) {
        return Problems.response(403, "This action is not allowed for this account");
    }

    static Response unauthorized() {
        return Response.fromResponse(Problems.response(401, "A valid bearer token is required"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }
}
