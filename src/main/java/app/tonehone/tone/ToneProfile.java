package app.tonehone.tone;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A user's own tone profile (table {@code tone_profiles}); never sent as JSON, see
 * {@link ToneProfileResponse}. The key is {@code (id, user_id)}, like every tenant table's.
 * The generated {@code tone_vector} column is deliberately not mapped: the database computes
 * it from the axes and refuses any value written to it, even NULL.
 */
@Entity
@Table(name = "tone_profiles")
@IdClass(ToneProfile.Key.class)
public class ToneProfile extends PanacheEntityBase {

    public record Key(UUID id, UUID userId) {
    }

    @Id
    public UUID id;

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(columnDefinition = "text", nullable = false)
    public String name;

    @Column(nullable = false)
    public short playfulness;

    @Column(nullable = false)
    public short formality;

    @Column(nullable = false)
    public short forwardness;

    @Column(nullable = false)
    public short expressiveness;

    /** The ETag; Hibernate bumps it on every update (and checks it, as a last line behind the row lock). */
    @Version
    @Column(nullable = false)
    public int version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
