package app.tonehone.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A conversation as the API shows it (API.md, Conversations). */
public record ConversationResponse(UUID id, String personName, Platform platform, UUID toneProfileId,
                                   int messageCount, Instant lastActivityAt, Instant lastMessageAt,
                                   Instant lastTheirMessageAt, Instant lastUserMessageAt, boolean needsResponse,
                                   Short healthScore, String momentum, String profileBio, List<String> profilePhotos,
                                   String notes, Instant createdAt, Instant updatedAt, Instant archivedAt,
                                   @com.fasterxml.jackson.annotation.JsonIgnore int version) {

    static ConversationResponse of(Conversation c) {
        return new ConversationResponse(c.id, c.personName, Platform.parse(c.platform), c.toneId(), c.messageCount,
                c.lastActivityAt, c.lastMessageAt, c.lastTheirMessageAt, c.lastUserMessageAt, c.needsResponse(),
                c.healthScore, c.momentum, c.profileBio, List.of(c.profilePhotos), c.notes, c.createdAt, c.updatedAt,
                c.archivedAt, c.version);
    }

    /** The same conversation with the times the database clock gave it. */
    ConversationResponse withClock(ConversationRepository.Clock clock) {
        return new ConversationResponse(id, personName, platform, toneProfileId, messageCount, clock.lastActivityAt(),
                lastMessageAt, lastTheirMessageAt, lastUserMessageAt, needsResponse, healthScore, momentum, profileBio,
                profilePhotos, notes, clock.createdAt(), clock.updatedAt(), archivedAt, version);
    }
}
