package app.tonehone.auth;

import app.tonehone.auth.AuthDtos.Credentials;
import app.tonehone.auth.AuthDtos.LoginRequest;
import app.tonehone.auth.AuthDtos.PasswordChange;
import app.tonehone.auth.AuthDtos.RefreshRequest;
import app.tonehone.auth.AuthDtos.TokenResponse;
import app.tonehone.common.ratelimit.ClientAddress;
import app.tonehone.common.tenancy.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

@Path("/api/v1/auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final AuthService auth;
    private final CurrentUser currentUser;

    AuthResource(AuthService auth, CurrentUser currentUser) {
        this.auth = auth;
        this.currentUser = currentUser;
    }

    @POST
    @Path("/register")
    public Uni<Response> register(@Valid @NotNull Credentials credentials, @Context HttpServerRequest request) {
        return auth.register(credentials, ClientAddress.of(request))
                .map(tokens -> Response.created(URI.create("/api/v1/me")).entity(tokens).build());
    }

    @POST
    @Path("/login")
    public Uni<TokenResponse> login(@Valid @NotNull LoginRequest login, @Context HttpServerRequest request) {
        return auth.login(login, ClientAddress.of(request));
    }

    @POST
    @Path("/refresh")
    public Uni<TokenResponse> refresh(@Valid @NotNull RefreshRequest refresh, @Context HttpServerRequest request) {
        return auth.refresh(refresh.refreshToken(), ClientAddress.of(request));
    }

    @POST
    @Path("/logout")
    public Uni<Response> logout(@Valid @NotNull RefreshRequest refresh) {
        return auth.logout(refresh.refreshToken()).map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("/password")
    @Authenticated
    public Uni<Response> changePassword(@Valid @NotNull PasswordChange change) {
        return auth.changePassword(currentUser.id(), change).map(ignored -> Response.noContent().build());
    }
}
