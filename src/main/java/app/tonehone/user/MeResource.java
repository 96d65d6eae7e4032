package app.tonehone.user;

import app.tonehone.common.tenancy.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final CurrentUser currentUser;
    private final UserService users;

    MeResource(CurrentUser currentUser, UserService users) {
        this.currentUser = currentUser;
        this.users = users;
    }

    @GET
    public Uni<MeResponse> me() {
        return users.me(currentUser.id());
    }

    /** Closes the account at once: its tokens stop working, its email is free again; a job purges its data. */
    @DELETE
    public Uni<Response> delete() {
        return users.deleteAccount(currentUser.id()).map(ignored -> Response.noContent().build());
    }
}
