package app.tonehone.common.db;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hibernate.exception.ConstraintViolationException;

/** Recognises the database failures that are not bugs: the client's doing, or a passing outage. */
public final class DatabaseErrors {

    private DatabaseErrors() {
    }

    /** True when {@code failure}, or one of its causes, is a violation of the named constraint or unique index. */
    public static boolean violates(Throwable failure, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConstraintViolationException violation && constraint.equals(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when {@code failure}, one of its causes or of the failures suppressed or composed
     * with it, is the database connection going away or refusing: a restart or failover
     * (SQLSTATE class 57P: shutdown, cannot connect now), a broken connection (class 08), a
     * pooled connection found closed or reset, or no server to connect to. The transaction did
     * not commit, or (lost during COMMIT) its outcome is unknown: a retry with the same
     * Idempotency-Key is the safe answer either way.
     */
    public static boolean connectionLost(Throwable failure) {
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (failure != null) {
            pending.add(failure);
        }
        while (!pending.isEmpty()) {
            Throwable t = pending.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (isConnectionLoss(t)) {
                return true;
            }
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            pending.addAll(List.of(t.getSuppressed()));
            if (t instanceof CompositeException composite) {
                pending.addAll(composite.getCauses());
            }
        }
        return false;
    }

    private static boolean isConnectionLoss(Throwable t) {
        if (t instanceof ClosedConnectionException || t instanceof ConnectException || t instanceof SocketException) {
            return true;
        }
        if (t instanceof DatabaseException database) {
            String state = database.getSqlState();
            return state != null && (state.startsWith("08") || state.startsWith("57P"));
        }
        // The client's own messages for a connection that went away under a statement or a
        // COMMIT ("Connection is not active now, current status: CLOSED", "... the underlying
        // connection may have been lost unexpectedly"): they quote no data.
        if (t instanceof NoStackTraceThrowable || t instanceof VertxException) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            return message.contains("connection") && (message.contains("closed") || message.contains("not active")
                    || message.contains("lost") || message.contains("reset"));
        }
        return false;
    }
}
