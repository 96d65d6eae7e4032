package app.tonehone.conversation;

import app.tonehone.common.db.Rows;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Conversation queries; call inside a tenant transaction. Every query also filters on
 * user_id itself (row-level security is the second line), and the list queries match the
 * partial indexes of V4 exactly: (user_id, last_activity_at desc, id desc) where not deleted
 * and archived or not, and the waiting-for-you one where last_speaker = 'them'.
 */
@ApplicationScoped
public class ConversationRepository implements PanacheRepositoryBase<Conversation, Conversation.Key> {

    /**
     * The columns {@link Conversation} maps, named rather than {@code *}: a column added by a
     * later migration must not break the mapping of a revision still running the older code
     * (Hibernate Reactive fails on a column it does not know).
     */
    static final String COLUMNS = """
            id, user_id, person_name, platform, tone_profile_id, tone_preset_id, message_count, last_seq, last_activity_at,
            last_message_at, last_their_message_at, last_user_message_at, last_speaker, health_score, momentum, profile_bio,
            profile_photos, notes, version, created_at, updated_at, archived_at, deleted_at""";

    /** Which conversations a list shows; nulls mean no filter. */
    public record Filter(boolean archived, Platform platform, Boolean waiting) {
    }

    /** The last row of a page: where the next one starts. */
    public record Position(Instant lastActivityAt, UUID id) {
    }

    public Uni<List<Conversation>> page(UUID userId, Filter filter, Position after, int limit) {
        String sql = pageSql(filter, after != null);
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Conversation.class)
                    .setParameter("user", userId).setParameter("limit", limit);
            if (filter.platform() != null) {
                query.setParameter("platform", filter.platform().toString());
            }
            if (after != null) {
                query.setParameter("afterTime", after.lastActivityAt()).setParameter("afterId", after.id());
            }
            return query.getResultList();
        });
    }

    /** The page statement (named parameters :user, :limit, and :platform, :afterTime, :afterId when used). */
    static String pageSql(Filter filter, boolean afterPosition) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from conversations where user_id = :user and deleted_at is null and archived_at is ")
                .append(filter.archived() ? "not null" : "null");
        if (filter.platform() != null) {
            sql.append(" and platform = :platform");
        }
        if (filter.waiting() != null) {
            sql.append(filter.waiting() ? " and last_speaker = 'them'" : " and last_speaker is distinct from 'them'");
        }
        if (afterPosition) {
            sql.append(" and (last_activity_at, id) < (:afterTime, :afterId)");
        }
        return sql.append(" order by last_activity_at desc, id desc limit :limit").toString();
    }

    static final String LIVE = "select " + COLUMNS + " from conversations where id = :id and user_id = :user and deleted_at is null";
    /** No key update, as Hibernate locks for PESSIMISTIC_WRITE: messages (whose FK takes key share) are not blocked by it. */
    static final String LIVE_FOR_UPDATE = LIVE + " for no key update";

    /** The user's conversation unless it was deleted; null otherwise. */
    public Uni<Conversation> findLive(UUID userId, UUID id) {
        return live(userId, id, LIVE);
    }

    /** As {@link #findLive}, locked until the transaction ends (writers take turns). */
    public Uni<Conversation> findLiveForUpdate(UUID userId, UUID id) {
        return live(userId, id, LIVE_FOR_UPDATE);
    }

    private static Uni<Conversation> live(UUID userId, UUID id, String sql) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Conversation.class)
                .setParameter("id", id).setParameter("user", userId)
                .getSingleResultOrNull());
    }

    /** Whether {@code toneId} is one of the user's profiles ("profile"), a preset ("preset"), or neither (null). */
    public Uni<String> toneKind(UUID userId, UUID toneId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select case when exists (select 1 from tone_profiles where id = ?1 and user_id = ?2) then 'profile'
                                    when exists (select 1 from tone_presets where id = ?1) then 'preset' end""", String.class)
                .setParameter(1, toneId).setParameter(2, userId)
                .getSingleResultOrNull());
    }

    /** The times a row got from the database clock. */
    public record Clock(Instant createdAt, Instant updatedAt, Instant lastActivityAt) {
    }

    /**
     * Reads the columns a new row got from the database clock. Read, not assigned to the
     * managed entity, which would make it dirty and write it (and its version) again.
     */
    public Uni<Clock> databaseClock(Conversation conversation) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select created_at, updated_at, last_activity_at from conversations where id = :id and user_id = :user",
                        Object[].class)
                .setParameter("id", conversation.id).setParameter("user", conversation.userId)
                .getSingleResult())
                .map(row -> new Clock(Rows.instant(row[0]), Rows.instant(row[1]), Rows.instant(row[2])));
    }
}
