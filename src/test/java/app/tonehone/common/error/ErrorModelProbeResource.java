package app.tonehone.common.error;

import app.tonehone.common.tenancy.CurrentUser;
import app.tonehone.common.tenancy.TenantTransactions;
import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Test-only endpoints (src/test) that exercise every kind of failure the error model maps,
 * with a body shaped like the real API's: an enum, bounded numbers, a bounded text, a nested list.
 */
@Path("/test/error-model")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ErrorModelProbeResource {

    private final CurrentUser currentUser;
    private final TenantTransactions tenant;

    ErrorModelProbeResource(CurrentUser currentUser, TenantTransactions tenant) {
        this.currentUser = currentUser;
        this.tenant = tenant;
    }

    public enum Speaker {
        USER, THEM;

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Item(@NotNull @Size(min = 1, max = 10) String content, @Min(1) @Max(5) Integer score) {
    }

    public record Probe(@NotNull Speaker speaker, @NotNull @Size(min = 1, max = 20) String content,
                        @NotNull @Min(1) @Max(10) Integer level, UUID reference, Instant at, @Valid @Size(max = 3) List<Item> items) {
    }

    @POST
    @Path("/echo")
    public Probe echo(@Valid @NotNull Probe probe) {
        return probe;
    }

    @GET
    @Path("/page")
    public List<Integer> page(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return List.of(limit);
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("secret detail that must not reach the client");
    }

    /**
     * Writes a conversation whose name breaks a CHECK constraint: the database's error quotes
     * the failing row, so this is how the tests prove such text never reaches a log.
     */
    @POST
    @Path("/database-failure")
    @Authenticated
    @Consumes(MediaType.TEXT_PLAIN)
    public Uni<String> databaseFailure(String personName) {
        UUID userId = currentUser.id();
        return tenant.run(userId, () -> Panache.getSession().chain(session -> session
                .createNativeQuery("insert into conversations (id, user_id, person_name) values (?1, ?2, ?3)")
                .setParameter(1, UUID.randomUUID()).setParameter(2, userId).setParameter(3, personName)
                .executeUpdate()))
                .map(count -> "inserted " + count);
    }
}
