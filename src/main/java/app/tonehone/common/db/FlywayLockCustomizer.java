package app.tonehone.common.db;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import java.util.Map;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Flyway's default PostgreSQL lock is a transaction-level advisory lock held in an open
 * transaction, which makes any {@code CREATE INDEX CONCURRENTLY} migration wait for it
 * forever. A session-level lock keeps concurrent replicas from migrating twice and lets
 * such migrations (non-transactional, one index a file) run.
 */
@Singleton
public class FlywayLockCustomizer implements FlywayConfigurationCustomizer {

    static final String TRANSACTIONAL_LOCK = "flyway.postgresql.transactional.lock";

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.configuration(Map.of(TRANSACTIONAL_LOCK, "false"));
    }
}
