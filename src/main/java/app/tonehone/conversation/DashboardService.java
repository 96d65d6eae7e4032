package app.tonehone.conversation;

import app.tonehone.common.pagination.CursorCodec;
import app.tonehone.common.pagination.CursorScope;
import app.tonehone.common.pagination.Page;
import app.tonehone.common.tenancy.TenantTransactions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The dashboard: active conversations, the ones waiting for the user's answer first, each part
 * newest activity first. Served by two keyset scans of the partial indexes of V4 (waiting,
 * then the rest), never by sorting all of a user's conversations.
 */
@ApplicationScoped
public class DashboardService {

    static final String ENDPOINT = "GET /api/v1/dashboard";
    static final String ORDER = "waiting desc, last_activity_at desc, id desc";

    private final TenantTransactions tenant;
    private final ConversationRepository conversations;
    private final CursorCodec cursors;

    DashboardService(TenantTransactions tenant, ConversationRepository conversations, CursorCodec cursors) {
        this.tenant = tenant;
        this.conversations = conversations;
        this.cursors = cursors;
    }

    /** Where a page ends: in the waiting part or the other one, and the position within it. */
    record Position(boolean waiting, ConversationRepository.Position at) {
        static Position of(List<String> key) {
            return new Position(Boolean.parseBoolean(key.get(0)),
                    new ConversationRepository.Position(Instant.parse(key.get(1)), UUID.fromString(key.get(2))));
        }
    }

    public Uni<Page<DashboardItem>> page(UUID userId, int limit, String cursor) {
        CursorScope scope = CursorScope.of(userId, ENDPOINT, ORDER);
        Position after = cursor == null ? null : cursors.decode(scope, cursor, Position::of);
        boolean inWaiting = after == null || after.waiting();
        return tenant.run(userId, () -> (inWaiting
                        ? conversations.page(userId, filter(true), after == null ? null : after.at(), limit + 1)
                        : Uni.createFrom().item(List.<Conversation>of()))
                .chain(waiting -> waiting.size() > limit
                        ? Uni.createFrom().item(waiting)
                        : conversations.page(userId, filter(false), inWaiting ? null : after.at(), limit + 1 - waiting.size())
                                .map(rest -> concat(waiting, rest)))
                .chain(rows -> tones(userId, rows).map(tones -> cursors.page(scope, rows, limit,
                                c -> List.of(Boolean.toString(c.needsResponse()), c.lastActivityAt.toString(), c.id.toString()))
                        .map(c -> DashboardItem.of(c, c.toneId() == null ? null : tones.get(c.toneId()))))));
    }

    private static ConversationRepository.Filter filter(boolean waiting) {
        return new ConversationRepository.Filter(false, null, waiting);
    }

    private static List<Conversation> concat(List<Conversation> first, List<Conversation> second) {
        List<Conversation> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** The axes of the tone profiles and presets the page uses, in one query. */
    private Uni<Map<UUID, DashboardItem.Tone>> tones(UUID userId, List<Conversation> rows) {
        List<UUID> ids = rows.stream().map(Conversation::toneId).filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select id, playfulness, formality, forwardness, expressiveness from tone_profiles
                        where user_id = :user and id in (:ids)
                        union all
                        select id, playfulness, formality, forwardness, expressiveness from tone_presets where id in (:ids)""",
                        Object[].class)
                .setParameter("user", userId).setParameter("ids", ids)
                .getResultList())
                .map(found -> {
                    Map<UUID, DashboardItem.Tone> tones = new HashMap<>();
                    for (Object[] row : found) {
                        tones.put((UUID) row[0], new DashboardItem.Tone(((Number) row[1]).intValue(),
                                ((Number) row[2]).intValue(), ((Number) row[3]).intValue(), ((Number) row[4]).intValue()));
                    }
                    return tones;
                });
    }
}
