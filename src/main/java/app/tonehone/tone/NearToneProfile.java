package app.tonehone.tone;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A profile of a nearest query: the profile's fields and its Euclidean distance from the asked point. */
public record NearToneProfile(@JsonUnwrapped ToneProfileResponse profile, double distance) {

    static NearToneProfile of(ToneProfileRow row) {
        return new NearToneProfile(ToneProfileResponse.of(row), row.distance());
    }
}
