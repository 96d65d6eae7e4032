package app.tonehone.tone;

import app.tonehone.common.validation.CodePointLength;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The writable state of a tone profile: the body of POST and PUT (every field required) and
 * what a PATCH merges into. The name is stored trimmed, and must be 1..100 characters after trimming.
 */
public record ToneProfileInput(
        @NotNull @CodePointLength(min = 1, max = 100) String name,
        @NotNull @Min(ToneAxes.MIN) @Max(ToneAxes.MAX) Integer playfulness,
        @NotNull @Min(ToneAxes.MIN) @Max(ToneAxes.MAX) Integer formality,
        @NotNull @Min(ToneAxes.MIN) @Max(ToneAxes.MAX) Integer forwardness,
        @NotNull @Min(ToneAxes.MIN) @Max(ToneAxes.MAX) Integer expressiveness) {

    public ToneProfileInput {
        name = name == null ? null : name.strip();
    }

    static ToneProfileInput of(ToneProfile profile) {
        return new ToneProfileInput(profile.name, (int) profile.playfulness, (int) profile.formality,
                (int) profile.forwardness, (int) profile.expressiveness);
    }

    void applyTo(ToneProfile profile) {
        profile.name = name;
        profile.playfulness = playfulness.shortValue();
        profile.formality = formality.shortValue();
        profile.forwardness = forwardness.shortValue();
        profile.expressiveness = expressiveness.shortValue();
    }
}
