package app.tonehone.message;

import app.tonehone.common.db.Rows;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Cold storage of archived conversations' messages (table {@code archived_conversations},
 * V11): moves a conversation's messages there and back, and reads pages of them. Call inside
 * a tenant transaction. Each move starts with the UPDATE that flips the conversation's
 * archived_at and locks its row, so it queues behind message writers (and they behind it),
 * and the statements after it see every message committed before.
 */
@ApplicationScoped
public class MessageArchive {

    /**
     * Messages a chunk. Every chunk but the newest is full, so a page of at most this many
     * rows needs two chunks at most (see {@link #page}); pages are far smaller (PageRequest).
     */
    static final int CHUNK_SIZE = 1000;

    private static final String FIELDS = """
            id uuid, seq bigint, speaker text, content text, source text, ocr_confidence real, is_key_moment boolean,
            effectiveness_score smallint, message_timestamp timestamptz, created_at timestamptz""";

    private static final String MARK_ARCHIVED = """
            update conversations set archived_at = now(), updated_at = now(), version = version + 1
            where id = :conversation and user_id = :user and deleted_at is null and archived_at is null
            returning created_at""";

    static final String MOVE_OUT = """
            insert into archived_conversations (conversation_id, user_id, chunk, first_seq, last_seq, message_count, messages)
            select :conversation, :user, chunk, min(seq), max(seq), count(*),
                   jsonb_agg(jsonb_build_object('id', id, 'seq', seq, 'speaker', speaker, 'content', content,
                                                'source', source, 'ocr_confidence', ocr_confidence,
                                                'is_key_moment', is_key_moment, 'effectiveness_score', effectiveness_score,
                                                'message_timestamp', message_timestamp, 'created_at', created_at)
                             order by seq)
            from (select id, seq, speaker, content, source, ocr_confidence, is_key_moment, effectiveness_score,
                         message_timestamp, created_at, (row_number() over (order by seq) - 1) / %d as chunk
                  from messages
                  where conversation_id = :conversation and user_id = :user and created_at >= :since) numbered
            group by chunk""".formatted(CHUNK_SIZE);

    static final String DELETE_HOT = """
            delete from messages where conversation_id = :conversation and user_id = :user and created_at >= :since""";

    private static final String MARK_RESTORED = """
            update conversations set archived_at = null, restored_at = now(), updated_at = now(), version = version + 1
            where id = :conversation and user_id = :user and deleted_at is null and archived_at is not null
            returning created_at""";

    private static final String MOVE_BACK = """
            insert into messages (id, user_id, conversation_id, seq, speaker, content, source, ocr_confidence,
                                  is_key_moment, effectiveness_score, message_timestamp, created_at)
            select m.id, :user, :conversation, m.seq, m.speaker, m.content, m.source, m.ocr_confidence,
                   m.is_key_moment, m.effectiveness_score, m.message_timestamp, m.created_at
            from archived_conversations a cross join lateral jsonb_to_recordset(a.messages) as m(%s)
            where a.conversation_id = :conversation and a.user_id = :user""".formatted(FIELDS);

    /** A page (named parameters :conversation, :user, :above, :below, :limit); see {@link #page}. */
    private static final String PAGE_DESC = pageSql("desc");
    private static final String PAGE_ASC = pageSql("asc");

    private static final String DELETE_COLD = """
            delete from archived_conversations where conversation_id = :conversation and user_id = :user""";

    /**
     * Archives the user's live conversation: its messages move to cold storage. False when
     * there is no such conversation or it is archived already (nothing changes then).
     */
    public Uni<Boolean> archive(UUID userId, UUID conversationId) {
        return move(userId, conversationId, MARK_ARCHIVED, MOVE_OUT, DELETE_HOT, true);
    }

    /** Restores the user's archived conversation, its messages back in place. False when it is not archived (or not there). */
    public Uni<Boolean> restore(UUID userId, UUID conversationId) {
        return move(userId, conversationId, MARK_RESTORED, MOVE_BACK, DELETE_COLD, false);
    }

    private Uni<Boolean> move(UUID userId, UUID conversationId, String flip, String copy, String delete, boolean bySince) {
        return Panache.getSession().chain(session -> session.createNativeQuery(flip, Object.class)
                .setParameter("conversation", conversationId).setParameter("user", userId)
                .getResultList()
                .chain(flipped -> {
                    if (flipped.isEmpty()) {
                        return Uni.createFrom().item(false);
                    }
                    OffsetDateTime since = Rows.timestamptz(Rows.instant(flipped.getFirst()));
                    var copying = session.createNativeQuery(copy)
                            .setParameter("conversation", conversationId).setParameter("user", userId);
                    var deleting = session.createNativeQuery(delete)
                            .setParameter("conversation", conversationId).setParameter("user", userId);
                    if (bySince) {
                        copying.setParameter("since", since);
                        deleting.setParameter("since", since);
                    }
                    return copying.executeUpdate().chain(deleting::executeUpdate).replaceWith(true);
                }));
    }

    /**
     * A page of an archived conversation's messages with seq in {@code range}, in {@code order}.
     * Only the two chunks nearest the range's start in that order are read: the first may
     * overlap the range by a single message, the second is full (only the newest chunk is
     * not), so together they hold {@code limit} rows whenever the range does.
     */
    public Uni<List<MessageResponse>> page(UUID userId, UUID conversationId, MessageOrder order, SeqRange range, int limit) {
        if (limit > CHUNK_SIZE) {
            throw new IllegalArgumentException("an archived page reads two chunks: at most " + CHUNK_SIZE + " rows");
        }
        String sql = order == MessageOrder.DESC ? PAGE_DESC : PAGE_ASC;
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Object[].class)
                        .setParameter("conversation", conversationId).setParameter("user", userId)
                        .setParameter("above", range.above()).setParameter("below", range.below())
                        .setParameter("limit", limit)
                        .getResultList())
                .map(rows -> rows.stream().map(MessageResponse::of).toList());
    }

    private static String pageSql(String direction) {
        return """
                select m.id, a.conversation_id, m.seq, m.speaker, m.content, m.source, m.ocr_confidence, m.is_key_moment,
                       m.effectiveness_score, m.message_timestamp, m.created_at
                from (select conversation_id, messages from archived_conversations
                      where conversation_id = :conversation and user_id = :user
                        and last_seq > :above and first_seq < :below
                      order by chunk %1$s limit 2) a
                     cross join lateral jsonb_to_recordset(a.messages) as m(%2$s)
                where m.seq > :above and m.seq < :below
                order by m.seq %1$s limit :limit""".formatted(direction, FIELDS);
    }
}
