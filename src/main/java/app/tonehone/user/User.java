package app.tonehone.user;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An account (table {@code users}); never sent as JSON, see {@link MeResponse}. */
@Entity
@Table(name = "users")
public class User extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(columnDefinition = "text")
    public String email;

    @Column(name = "password_hash", columnDefinition = "text")
    public String passwordHash;

    @Convert(converter = SubscriptionTier.Column.class)
    @Column(name = "subscription_tier", columnDefinition = "text", nullable = false)
    public SubscriptionTier subscriptionTier = SubscriptionTier.FREE;

    @Column(name = "subscription_expires_at")
    public Instant subscriptionExpiresAt;

    @Column(name = "credits_remaining", nullable = false)
    public int creditsRemaining;

    @Column(name = "total_credits_purchased", nullable = false)
    public int totalCreditsPurchased;

    /** Set by the database clock on insert. */
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", insertable = false)
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
