package app.tonehone.common.db;

import org.hibernate.exception.ConstraintViolationException;

/** Recognises the database failures that are the client's doing rather than ours. */
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
}
