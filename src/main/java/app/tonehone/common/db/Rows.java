package app.tonehone.common.db;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Values of native-query rows (Object[]), as the reactive driver hands them over, and timestamps bound to native queries. */
public final class Rows {

    private Rows() {
    }

    /** A timestamptz column: Hibernate reads an untyped one as an OffsetDateTime. */
    public static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case LocalDateTime local -> local.toInstant(ZoneOffset.UTC);
            default -> throw new IllegalStateException("not a timestamp: " + value.getClass());
        };
    }

    /** An instant to bind to a timestamptz parameter of a native query, as the driver's timestamptz type (UTC). */
    public static OffsetDateTime timestamptz(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
