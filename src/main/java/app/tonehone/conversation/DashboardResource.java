package app.tonehone.conversation;

import app.tonehone.common.pagination.PageRequest;
import app.tonehone.common.pagination.Page;
import app.tonehone.common.tenancy.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/v1/dashboard}: who is waiting for an answer, then everyone else active. */
@Path("/api/v1/dashboard")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    private final CurrentUser currentUser;
    private final DashboardService dashboard;

    DashboardResource(CurrentUser currentUser, DashboardService dashboard) {
        this.currentUser = currentUser;
        this.dashboard = dashboard;
    }

    @GET
    public Uni<Page<DashboardItem>> page(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        return dashboard.page(currentUser.id(), page.limit(), page.cursor());
    }
}
