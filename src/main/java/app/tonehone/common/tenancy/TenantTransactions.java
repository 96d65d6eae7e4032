package app.tonehone.common.tenancy;

import io.quarkus.hibernate.orm.runtime.PersistenceUnitUtil;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.runtime.SessionOperations;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The one way tenant data is read or written. Opens a Hibernate Reactive session and
 * transaction, makes {@code userId} the caller for row-level security
 * ({@code set_config('app.user_id', ..., true)}: local to the transaction, so it can never
 * outlive it on a pooled connection), then runs {@code work} in that same transaction.
 * Reads go through it too: outside a transaction the policies see no user and return nothing.
 *
 * <p>Call it once per request from the service layer, at the outermost level, and touch the
 * entities it returns only inside {@code work}: the session closes when the Uni completes.
 */
@ApplicationScoped
public class TenantTransactions {

    static final String SET_USER = "select set_config('app.user_id', ?1, true)";

    public <T> Uni<T> run(UUID userId, Supplier<Uni<T>> work) {
        Objects.requireNonNull(userId, "userId");
        return Uni.createFrom().deferred(() -> {
            // A nested call would silently switch the user of the outer transaction: refuse it.
            Mutiny.Session current = SessionOperations.getCurrentSession(PersistenceUnitUtil.DEFAULT_PERSISTENCE_UNIT_NAME);
            if (current != null && current.currentTransaction() != null) {
                return Uni.createFrom().failure(new IllegalStateException("tenant transactions do not nest"));
            }
            return inNewTransaction(userId, work);
        });
    }

    private static <T> Uni<T> inNewTransaction(UUID userId, Supplier<Uni<T>> work) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(SET_USER)
                        .setParameter(1, userId.toString())
                        .getSingleResult())
                .chain(ignored -> work.get()));
    }
}
