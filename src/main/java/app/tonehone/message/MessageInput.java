package app.tonehone.message;

import app.tonehone.common.validation.CodePointLength;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** One message to store: the body of a single create and an item of a batch. */
public record MessageInput(
        @NotNull Speaker speaker,
        @NotNull @CodePointLength(min = 1, max = 10000) String content,
        MessageSource source,
        @DecimalMin("0") @DecimalMax("1") Double ocrConfidence,
        Boolean isKeyMoment,
        @Min(1) @Max(5) Integer effectivenessScore,
        Instant messageTimestamp) {

    public MessageInput {
        source = source == null ? MessageSource.MANUAL : source;
        isKeyMoment = isKeyMoment != null && isKeyMoment;
    }
}
