package app.tonehone.auth;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.WorkerExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Password hashing off the event loop, on a small pool of its own: Argon2id is meant to be
 * expensive, and a burst of logins must queue here rather than starve request threads.
 * Results come back on the caller's Vert.x context, so callers may continue reactively.
 *
 * <p>Call these outside any Hibernate Reactive session: a transaction should not stay
 * open while a hash is computed.
 */
@ApplicationScoped
public class PasswordHashing {

    private final PasswordHasher hasher;
    private final WorkerExecutor workers;
    /** A real hash of a random password: verifying against it makes unknown emails cost the same as wrong passwords. */
    private final String decoy;

    PasswordHashing(AuthConfig config, Vertx vertx) {
        AuthConfig.Password cost = config.password();
        this.hasher = new PasswordHasher(cost.memoryKib(), cost.iterations(), cost.parallelism());
        this.workers = vertx.createSharedWorkerExecutor("password-hashing", cost.concurrentHashes());
        this.decoy = hasher.hash(java.util.UUID.randomUUID().toString());
    }

    public Uni<String> hash(String password) {
        return workers.executeBlocking(Uni.createFrom().item(() -> hasher.hash(password)), false);
    }

    /** Verifies against {@code phc}, or against a decoy of the same cost when there is no account. */
    public Uni<Boolean> verify(String password, String phc) {
        String target = phc != null ? phc : decoy;
        return workers.executeBlocking(Uni.createFrom().item(() -> hasher.verify(password, target) && phc != null),
                false);
    }

    public boolean needsRehash(String phc) {
        return hasher.needsRehash(phc);
    }

    void close(@Observes ShutdownEvent event) {
        workers.closeAndForget();
    }
}
