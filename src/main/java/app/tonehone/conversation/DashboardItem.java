package app.tonehone.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * One active conversation on the dashboard. {@code healthScore}, {@code momentum} and
 * {@code replyRate} are written by the analytics job and are null until it has run for the
 * conversation; {@code tone} is the axes of its tone profile or preset, or null.
 */
public record DashboardItem(UUID id, String personName, Platform platform, boolean needsResponse, int messageCount,
                            Instant lastActivityAt, Instant lastMessageAt, Instant lastTheirMessageAt,
                            Short healthScore, String momentum, Double replyRate, UUID toneProfileId, Tone tone) {

    public record Tone(int playfulness, int formality, int forwardness, int expressiveness) {
    }

    static DashboardItem of(Conversation c, Tone tone) {
        return new DashboardItem(c.id, c.personName, Platform.parse(c.platform), c.needsResponse(), c.messageCount,
                c.lastActivityAt, c.lastMessageAt, c.lastTheirMessageAt, c.healthScore, c.momentum, null, c.toneId(), tone);
    }
}
