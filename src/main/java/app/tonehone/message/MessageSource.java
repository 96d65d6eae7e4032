package app.tonehone.message;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a message got here: typed, OCR'd from a screenshot, imported, or a chosen AI suggestion. */
public enum MessageSource {
    MANUAL, OCR, IMPORTED, AI_GENERATED;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    static MessageSource of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
