package app.tonehone.common.error;

import io.vertx.pgclient.PgException;
import java.sql.SQLException;
import org.hibernate.JDBCException;
import org.hibernate.exception.ConstraintViolationException;

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
        return switch (t) {
            case PgException pg -> database(t, pg.getSqlState(), pg.getConstraint());
            case ConstraintViolationException violation -> database(t, violation.getSQLState(), violation.getConstraintName());
            case JDBCException jdbc -> database(t, jdbc.getSQLState(), null);
            case SQLException sql -> database(t, sql.getSQLState(), null);
            default -> t.getClass().getName();
        };
    }

    private static String database(Throwable t, String sqlState, String constraint) {
        return t.getClass().getName() + " [sqlstate " + sqlState
                + (constraint != null ? ", constraint " + constraint : "") + "]";
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
