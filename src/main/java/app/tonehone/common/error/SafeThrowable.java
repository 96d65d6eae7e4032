package app.tonehone.common.error;

import io.vertx.pgclient.PgException;

/**
 * A copy of a failure that keeps its classes and stack traces but drops every message:
 * messages of database, JSON and validation errors quote rows, bodies and parameters,
 * which are other people's words. A PostgreSQL error keeps its SQLSTATE and constraint name.
 */
public final class SafeThrowable extends RuntimeException {

    private SafeThrowable(String summary, StackTraceElement[] stack, Throwable cause) {
        super(summary, cause, false, true);
        setStackTrace(stack);
    }

    public static Throwable of(Throwable original) {
        if (original == null) {
            return null;
        }
        Throwable cause = original.getCause() == original ? null : of(original.getCause());
        return new SafeThrowable(summary(original), original.getStackTrace(), cause);
    }

    private static String summary(Throwable t) {
        if (t instanceof PgException pg) {
            return t.getClass().getName() + " [sqlstate " + pg.getSqlState()
                    + (pg.getConstraint() != null ? ", constraint " + pg.getConstraint() : "") + "]";
        }
        return t.getClass().getName();
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
