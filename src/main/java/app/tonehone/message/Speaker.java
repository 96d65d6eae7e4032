package app.tonehone.message;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who wrote a message: the user, or the match ("them"). */
public enum Speaker {
    USER, THEM;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Speaker of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
