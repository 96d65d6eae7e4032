package app.tonehone.conversation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One match's conversation (table {@code conversations}). The message counters and
 * {@code last_*} fields are written only by the message write path's locking UPDATE (native
 * SQL in {@code MessageRepository}), never through this entity, so they are read-only here.
 */
@Entity
@Table(name = "conversations")
@IdClass(Conversation.Key.class)
public class Conversation extends PanacheEntityBase {

    public record Key(UUID id, UUID userId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    public UUID id;

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "person_name", columnDefinition = "text", nullable = false)
    public String personName;

    @Column(columnDefinition = "text", nullable = false)
    public String platform;

    @Column(name = "tone_profile_id")
    public UUID toneProfileId;

    @Column(name = "tone_preset_id")
    public UUID tonePresetId;

    @Column(name = "message_count", insertable = false, updatable = false)
    public int messageCount;

    @Column(name = "last_seq", insertable = false, updatable = false)
    public long lastSeq;

    @Column(name = "last_activity_at", insertable = false, updatable = false)
    public Instant lastActivityAt;

    @Column(name = "last_message_at", insertable = false, updatable = false)
    public Instant lastMessageAt;

    @Column(name = "last_their_message_at", insertable = false, updatable = false)
    public Instant lastTheirMessageAt;

    @Column(name = "last_user_message_at", insertable = false, updatable = false)
    public Instant lastUserMessageAt;

    @Column(name = "last_speaker", columnDefinition = "text", insertable = false, updatable = false)
    public String lastSpeaker;

    @Column(name = "health_score", insertable = false, updatable = false)
    public Short healthScore;

    @Column(columnDefinition = "text", insertable = false, updatable = false)
    public String momentum;

    @Column(name = "profile_bio", columnDefinition = "text")
    public String profileBio;

    // "_text" is how PostgreSQL names text[]: schema validation compares the names.
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "profile_photos", columnDefinition = "_text", nullable = false)
    public String[] profilePhotos = new String[0];

    @Column(columnDefinition = "text")
    public String notes;

    @Version
    public int version;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", insertable = false)
    public Instant updatedAt;

    @Column(name = "archived_at", insertable = false, updatable = false)
    public Instant archivedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    public boolean needsResponse() {
        return "them".equals(lastSpeaker);
    }

    /** The tone the conversation uses: its own profile or a shared preset. */
    public UUID toneId() {
        return toneProfileId != null ? toneProfileId : tonePresetId;
    }
}
