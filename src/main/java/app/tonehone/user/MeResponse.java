package app.tonehone.user;

import java.time.Instant;
import java.util.UUID;

/** The signed-in user, as {@code GET /me} shows them. */
public record MeResponse(UUID id, String email, SubscriptionTier subscriptionTier, Instant subscriptionExpiresAt,
                         int creditsRemaining, Instant createdAt) {

    static MeResponse of(User user) {
        return new MeResponse(user.id, user.email, user.subscriptionTier, user.subscriptionExpiresAt,
                user.creditsRemaining, user.createdAt);
    }
}
