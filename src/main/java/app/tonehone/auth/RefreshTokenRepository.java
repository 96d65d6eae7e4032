package app.tonehone.auth;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The refresh-token statements. Each runs inside a tenant transaction (row-level security on
 * refresh_tokens), and each also filters on user_id itself so its plans use the indexes.
 */
@ApplicationScoped
public class RefreshTokenRepository {

    /** What became of a presented token. */
    enum Presented { ROTATED, REUSED, UNKNOWN }

    record Rotation(Presented outcome, UUID familyId) {
    }

    Uni<Void> insert(UUID userId, UUID familyId, byte[] hash, Duration ttl) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into refresh_tokens (id, user_id, family_id, token_hash, expires_at)
                        values (?1, ?2, ?3, ?4, now() + make_interval(secs => ?5))""")
                .setParameter(1, app.tonehone.common.id.UuidV7.next())
                .setParameter(2, userId)
                .setParameter(3, familyId)
                .setParameter(4, hash)
                .setParameter(5, (double) ttl.toSeconds())
                .executeUpdate()).replaceWithVoid();
    }

    /**
     * Marks a live token as used, atomically: of two concurrent refreshes with one token,
     * one rotates it and the other sees it as reused. A token that was already rotated has
     * its whole family revoked here.
     */
    Uni<Rotation> rotate(UUID userId, byte[] hash) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update refresh_tokens set rotated_at = now()
                        where user_id = ?1 and token_hash = ?2
                          and rotated_at is null and revoked_at is null and expires_at > now()
                        returning family_id""", UUID.class)
                .setParameter(1, userId).setParameter(2, hash)
                .getResultList()
                .chain(rotated -> !rotated.isEmpty()
                        ? Uni.createFrom().item(new Rotation(Presented.ROTATED, rotated.getFirst()))
                        : reuseOf(userId, hash)));
    }

    private Uni<Rotation> reuseOf(UUID userId, byte[] hash) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select family_id from refresh_tokens
                        where user_id = ?1 and token_hash = ?2 and rotated_at is not null""", UUID.class)
                .setParameter(1, userId).setParameter(2, hash)
                .getResultList()
                .chain(families -> families.isEmpty()
                        ? Uni.createFrom().item(new Rotation(Presented.UNKNOWN, null))
                        : revokeFamily(userId, families.getFirst())
                                .replaceWith(new Rotation(Presented.REUSED, families.getFirst()))));
    }

    /** Revokes the family of the token with this hash, if there is one. */
    Uni<Integer> revokeFamilyOf(UUID userId, byte[] hash) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select family_id from refresh_tokens where user_id = ?1 and token_hash = ?2""", UUID.class)
                .setParameter(1, userId).setParameter(2, hash)
                .getResultList())
                .chain((List<UUID> families) -> families.isEmpty()
                        ? Uni.createFrom().item(0)
                        : revokeFamily(userId, families.getFirst()));
    }

    Uni<Integer> revokeFamily(UUID userId, UUID familyId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update refresh_tokens set revoked_at = now()
                        where user_id = ?1 and family_id = ?2 and revoked_at is null""")
                .setParameter(1, userId).setParameter(2, familyId)
                .executeUpdate());
    }

    public Uni<Integer> revokeAll(UUID userId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update refresh_tokens set revoked_at = now() where user_id = ?1 and revoked_at is null""")
                .setParameter(1, userId)
                .executeUpdate());
    }
}
