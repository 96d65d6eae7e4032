package app.tonehone.common.tenancy;

import io.quarkus.hibernate.orm.runtime.PersistenceUnitUtil;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.runtime.SessionOperations;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.security.AuthenticationFailedException;
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
 * <p>{@link #run} also refuses an account that no longer exists or was deleted (401), in the
 * same round trip as the setting ({@code begin_tenant_transaction}), so a deleted account's
 * access tokens stop working at once. {@link #runForNewAccount} is for registration only.
 *
 * <p>Call it once per request from the service layer, at the outermost level, and touch the
 * entities it returns only inside {@code work}: the session closes when the Uni completes.
 */
@ApplicationScoped
public class TenantTransactions {

    static final String BEGIN_FOR_LIVE_ACCOUNT = "select begin_tenant_transaction(?1)";
    static final String BEGIN_FOR_NEW_ACCOUNT = "select set_config('app.user_id', cast(?1 as text), true) is not null";

    /** Runs {@code work} as {@code userId}, whose account must exist and not be deleted. */
    public <T> Uni<T> run(UUID userId, Supplier<Uni<T>> work) {
        return begin(userId, BEGIN_FOR_LIVE_ACCOUNT, userId, work);
    }

    /** Runs {@code work} as the account {@code userId} that {@code work} itself creates. */
    public <T> Uni<T> runForNewAccount(UUID userId, Supplier<Uni<T>> work) {
        return begin(userId, BEGIN_FOR_NEW_ACCOUNT, userId.toString(), work);
    }

    private static <T> Uni<T> begin(UUID userId, String statement, Object parameter, Supplier<Uni<T>> work) {
        Objects.requireNonNull(userId, "userId");
        return Uni.createFrom().deferred(() -> {
            // A nested call would silently switch the user of the outer transaction: refuse it.
            Mutiny.Session current = SessionOperations.getCurrentSession(PersistenceUnitUtil.DEFAULT_PERSISTENCE_UNIT_NAME);
            if (current != null && current.currentTransaction() != null) {
                return Uni.createFrom().failure(new IllegalStateException("tenant transactions do not nest"));
            }
            return Panache.withTransaction(() -> Panache.getSession()
                    .chain(session -> session.createNativeQuery(statement, Boolean.class)
                            .setParameter(1, parameter)
                            .getSingleResult())
                    .chain(live -> Boolean.TRUE.equals(live)
                            ? work.get()
                            : Uni.createFrom().failure(new AuthenticationFailedException("account deleted or unknown"))));
        });
    }
}
