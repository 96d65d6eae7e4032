package app.tonehone.conversation;

import app.tonehone.common.validation.CodePointLength;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * The writable state of a conversation: the body of POST (platform defaults to other) and
 * what a PATCH merges into. The person's name is stored trimmed.
 */
public record ConversationInput(
        @NotNull @CodePointLength(min = 1, max = 200) String personName,
        Platform platform,
        UUID toneProfileId,
        @CodePointLength(max = 5000) String profileBio,
        @Size(max = 20) List<@NotNull @CodePointLength(max = 2048) @Pattern(regexp = "https://\\S+",
                message = "must be an https URL") String> profilePhotos,
        @CodePointLength(max = 10000) String notes) {

    public ConversationInput {
        personName = personName == null ? null : personName.strip();
        platform = platform == null ? Platform.OTHER : platform;
        profilePhotos = profilePhotos == null ? List.of() : profilePhotos;
    }

    static ConversationInput of(Conversation conversation) {
        return new ConversationInput(conversation.personName, Platform.parse(conversation.platform), conversation.toneId(),
                conversation.profileBio, List.of(conversation.profilePhotos), conversation.notes);
    }

    /** Everything but the tone, which the service resolves (own profile or preset). */
    void applyTo(Conversation conversation) {
        conversation.personName = personName;
        conversation.platform = platform.toString();
        conversation.profileBio = profileBio;
        conversation.profilePhotos = profilePhotos.toArray(String[]::new);
        conversation.notes = notes;
    }
}
