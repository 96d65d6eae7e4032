package app.tonehone.tone;

import java.util.List;

/** The answer of {@code GET /tone-profiles/nearest}, nearest first. A top-k query, so not paginated (no cursor). */
public record NearestToneProfiles(List<NearToneProfile> items) {
}
