package app.tonehone.user;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** A user's plan; stored and sent as its lower-case name. */
public enum SubscriptionTier {
    FREE, PRO, ENTERPRISE;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Converter
    public static class Column implements AttributeConverter<SubscriptionTier, String> {

        @Override
        public String convertToDatabaseColumn(SubscriptionTier tier) {
            return tier == null ? null : tier.toString();
        }

        @Override
        public SubscriptionTier convertToEntityAttribute(String value) {
            return value == null ? null : SubscriptionTier.valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
