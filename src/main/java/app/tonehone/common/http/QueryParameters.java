package app.tonehone.common.http;

import app.tonehone.common.error.InvalidFieldsException;
import app.tonehone.common.error.Problem;
import java.util.List;

/**
 * Query parameters read as strings and checked here: JAX-RS answers a failed conversion of a
 * typed {@code @QueryParam} with 404, and a bad parameter must be a 400 that names it.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * An integer parameter in {@code min..max}; absent or empty gives {@code defaultValue}
     * (null: the parameter is required).
     */
    public static int integer(String name, String raw, int min, int max, Integer defaultValue) {
        Problem.FieldError error = integerError(name, raw, min, max, defaultValue);
        if (error != null) {
            throw new InvalidFieldsException(List.of(error));
        }
        return raw == null || raw.isEmpty() ? defaultValue : Integer.parseInt(raw);
    }

    /**
     * What is wrong with an integer parameter, or null when it is fine: lets a caller check
     * several parameters and report them all at once.
     */
    public static Problem.FieldError integerError(String name, String raw, int min, int max, Integer defaultValue) {
        if (raw == null || raw.isEmpty()) {
            return defaultValue == null ? new Problem.FieldError(name, "is required") : null;
        }
        String range = "must be an integer from " + min + " to " + max;
        if (raw.length() > 10 || !raw.matches("-?[0-9]+")) {
            return new Problem.FieldError(name, range);
        }
        long value = Long.parseLong(raw);
        return value < min || value > max ? new Problem.FieldError(name, range) : null;
    }

    /** A true/false parameter; absent or empty gives {@code defaultValue} (which may be null: no filter). */
    public static Boolean bool(String name, String raw, Boolean defaultValue) {
        if (raw == null || raw.isEmpty()) {
            return defaultValue;
        }
        return switch (raw) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw InvalidFieldsException.of(name, "must be true or false");
        };
    }
}
