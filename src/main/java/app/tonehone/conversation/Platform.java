package app.tonehone.conversation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The dating app a match is on; stored and sent as the lower-case name. */
public enum Platform {
    HINGE, BUMBLE, TINDER, OTHER;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The platform named {@code value} (case-insensitive), or null when there is none. */
    public static Platform parse(String value) {
        for (Platform platform : values()) {
            if (platform.toString().equalsIgnoreCase(value)) {
                return platform;
            }
        }
        return null;
    }
}
