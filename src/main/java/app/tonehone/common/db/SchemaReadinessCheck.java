package app.tonehone.common.db;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Ready means: the database answers the request role, and holds the newest migration this
 * build ships (a database that is ahead, migrated by a newer replica, is fine). The newest
 * version is read once at start-up from Flyway; each probe is one indexed query on the
 * reactive pool.
 */
@Readiness
@ApplicationScoped
public class SchemaReadinessCheck implements AsyncHealthCheck {

    private static final String NAME = "database schema";
    private static final String APPLIED =
            "select exists (select 1 from flyway_schema_history where version = $1 and success)";

    private final Pool pool;
    private final Flyway flyway;
    private volatile String expectedVersion;

    SchemaReadinessCheck(Pool pool, Flyway flyway) {
        this.pool = pool;
        this.flyway = flyway;
    }

    void readExpectedVersion(@Observes StartupEvent event) {
        expectedVersion = Arrays.stream(flyway.info().all())
                .filter(info -> info.getVersion() != null && info.getState().isResolved())
                .max(Comparator.comparing(MigrationInfo::getVersion))
                .map(info -> info.getVersion().getVersion())
                .orElse(null);
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        String expected = expectedVersion;
        if (expected == null) {
            return Uni.createFrom().item(HealthCheckResponse.named(NAME).down().build());
        }
        return pool.preparedQuery(APPLIED).execute(Tuple.of(expected))
                .ifNoItem().after(Duration.ofSeconds(2)).fail()
                .map(rows -> rows.iterator().next().getBoolean(0))
                .map(applied -> HealthCheckResponse.named(NAME).status(applied)
                        .withData("expectedVersion", expected).build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("expectedVersion", expected)
                        .withData("error", failure.getClass().getSimpleName()).build());
    }
}
