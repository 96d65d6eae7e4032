package app.tonehone.tone;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * A tone profile as the API shows it: one of the user's own, or a shared preset
 * ({@code isPreset}, with a {@code description}; null for own profiles). {@code version}
 * becomes the ETag header of own profiles and is not part of the body.
 */
public record ToneProfileResponse(UUID id, String name, @JsonProperty("isPreset") boolean isPreset, String description,
                                  int playfulness, int formality, int forwardness, int expressiveness,
                                  Instant createdAt, Instant updatedAt, @JsonIgnore Integer version) {

    static ToneProfileResponse of(ToneProfile profile) {
        return new ToneProfileResponse(profile.id, profile.name, false, null, profile.playfulness, profile.formality,
                profile.forwardness, profile.expressiveness, profile.createdAt, profile.updatedAt, profile.version);
    }

    static ToneProfileResponse of(ToneProfileRow row) {
        ToneAxes axes = row.axes();
        return new ToneProfileResponse(row.id(), row.name(), row.preset(), row.description(), axes.playfulness(),
                axes.formality(), axes.forwardness(), axes.expressiveness(), row.createdAt(), row.updatedAt(), row.version());
    }
}
