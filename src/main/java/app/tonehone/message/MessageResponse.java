package app.tonehone.message;

import java.time.Instant;
import java.util.UUID;

/** A message as the API shows it (API.md, Messages). */
public record MessageResponse(UUID id, UUID conversationId, long seq, Speaker speaker, String content,
                              MessageSource source, Double ocrConfidence, boolean isKeyMoment,
                              Integer effectivenessScore, Instant messageTimestamp, Instant createdAt) {

    /** From a row of {@link MessageRepository#COLUMNS}. */
    static MessageResponse of(Object[] row) {
        return new MessageResponse((UUID) row[0], (UUID) row[1], ((Number) row[2]).longValue(), Speaker.of((String) row[3]),
                (String) row[4], MessageSource.of((String) row[5]), row[6] == null ? null : ((Number) row[6]).doubleValue(),
                (Boolean) row[7], row[8] == null ? null : ((Number) row[8]).intValue(), instant(row[9]), instant(row[10]));
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case java.time.OffsetDateTime offset -> offset.toInstant();
            case java.time.LocalDateTime local -> local.toInstant(java.time.ZoneOffset.UTC);
            default -> throw new IllegalStateException("not a timestamp: " + value.getClass());
        };
    }
}
