package app.tonehone.message;

import app.tonehone.common.db.Rows;
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
                (Boolean) row[7], row[8] == null ? null : ((Number) row[8]).intValue(), Rows.instant(row[9]), Rows.instant(row[10]));
    }
}
