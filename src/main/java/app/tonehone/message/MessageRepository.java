package app.tonehone.message;

import app.tonehone.common.db.Rows;
import app.tonehone.common.id.UuidV7;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The message statements, in native SQL; call inside a tenant transaction. Every statement
 * names the conversation, the user and {@code created_at >= <the conversation's created_at>}:
 * no message is older than its conversation, and that bound lets the planner skip every
 * older monthly partition.
 */
@ApplicationScoped
public class MessageRepository {

    static final String COLUMNS = "id, conversation_id, seq, speaker, content, source, ocr_confidence, is_key_moment,"
            + " effectiveness_score, message_timestamp, created_at";

    /** A live conversation as the message statements need it. */
    public record ConversationState(Instant createdAt, boolean archived, long lastSeq) {
    }

    /**
     * Hands out the next {@code n} seq numbers and updates every denormalised field in one
     * statement, which also locks the conversation until the transaction ends: concurrent
     * writers queue here and never share a number. Answers the last seq now taken and the
     * conversation's created_at, or nothing when the conversation is not live and writable.
     */
    private static final String ALLOCATE = """
            update conversations set
                last_seq = last_seq + :n,
                message_count = message_count + :n,
                last_activity_at = now(),
                last_message_at = coalesce(cast(:lastAt as timestamptz), now()),
                last_their_message_at = case when :hasThem then coalesce(cast(:lastThemAt as timestamptz), now())
                                             else last_their_message_at end,
                last_user_message_at = case when :hasUser then coalesce(cast(:lastUserAt as timestamptz), now())
                                            else last_user_message_at end,
                last_speaker = :lastSpeaker,
                updated_at = now(),
                version = version + 1
            where id = :conversation and user_id = :user and deleted_at is null and archived_at is null
            returning last_seq, created_at""";

    /**
     * The whole batch travels as one JSON document (one parameter, however many messages).
     * It is bound as text and cast: the reactive driver would send a String bound straight to
     * a jsonb parameter as a JSON string, not as the array it holds.
     */
    private static final String INSERT = """
            insert into messages (id, user_id, conversation_id, seq, speaker, content, source, ocr_confidence,
                                  is_key_moment, effectiveness_score, message_timestamp)
            select b.id, :user, :conversation, b.seq, b.speaker, b.content, b.source, b.ocr_confidence,
                   b.is_key_moment, b.effectiveness_score, b.message_timestamp
            from jsonb_to_recordset(cast(cast(:batch as text) as jsonb)) as b(id uuid, seq bigint, speaker text, content text,
                   source text, ocr_confidence real, is_key_moment boolean, effectiveness_score smallint,
                   message_timestamp timestamptz)
            returning\s""" + COLUMNS;

    /** The scope of every statement on one conversation's messages (see the class comment). */
    private static final String ONE_CONVERSATION = "conversation_id = :conversation and user_id = :user and created_at >= :since";

    static final String MARK = "update messages set is_key_moment = coalesce(cast(:keyMoment as boolean), is_key_moment),"
            + " effectiveness_score = case when :setScore then cast(:score as smallint) else effectiveness_score end"
            + " where id = :message and " + ONE_CONVERSATION + " returning " + COLUMNS;

    static final String DELETE = "delete from messages where id = :message and " + ONE_CONVERSATION;

    private static final String NEWEST = "select %s from messages where " + ONE_CONVERSATION + "%s order by seq desc limit 1";
    static final String RECOMPUTE_AFTER_DELETE = "update conversations set message_count = message_count - 1,"
            + " last_speaker = (" + NEWEST.formatted("speaker", "") + "),"
            + " last_message_at = (" + NEWEST.formatted("coalesce(message_timestamp, created_at)", "") + "),"
            + " last_their_message_at = (" + NEWEST.formatted("coalesce(message_timestamp, created_at)", " and speaker = 'them'") + "),"
            + " last_user_message_at = (" + NEWEST.formatted("coalesce(message_timestamp, created_at)", " and speaker = 'user'") + "),"
            + " updated_at = now(), version = version + 1"
            + " where id = :conversation and user_id = :user";

    /** A window of a page (named parameters :conversation, :user, :since, :above, :below, :limit). */
    static final String PAGE_DESC = pageSql("desc");
    static final String PAGE_ASC = pageSql("asc");

    private final ObjectMapper json;

    MessageRepository(ObjectMapper json) {
        this.json = json;
    }

    /** The user's live conversation, optionally locked; null when there is none. */
    public Uni<ConversationState> conversation(UUID userId, UUID conversationId, boolean lock) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select created_at, archived_at is not null as archived, last_seq from conversations"
                                + " where id = :conversation and user_id = :user and deleted_at is null"
                                + (lock ? " for update" : ""), Object[].class)
                .setParameter("conversation", conversationId).setParameter("user", userId)
                .getSingleResultOrNull())
                .map(row -> row == null ? null : new ConversationState(Rows.instant(row[0]), (Boolean) row[1],
                        ((Number) row[2]).longValue()));
    }

    /** Stores {@code batch} after the conversation's last message, in order; empty when the conversation is not writable. */
    public Uni<List<MessageResponse>> append(UUID userId, UUID conversationId, List<MessageInput> batch) {
        MessageInput last = batch.getLast();
        MessageInput lastThem = lastBy(batch, Speaker.THEM);
        MessageInput lastUser = lastBy(batch, Speaker.USER);
        return Panache.getSession().chain(session -> session.createNativeQuery(ALLOCATE, Object[].class)
                        .setParameter("n", batch.size())
                        .setParameter("lastAt", Rows.timestamptz(last.messageTimestamp()))
                        .setParameter("hasThem", lastThem != null)
                        .setParameter("lastThemAt", Rows.timestamptz(lastThem == null ? null : lastThem.messageTimestamp()))
                        .setParameter("hasUser", lastUser != null)
                        .setParameter("lastUserAt", Rows.timestamptz(lastUser == null ? null : lastUser.messageTimestamp()))
                        .setParameter("lastSpeaker", last.speaker().toString())
                        .setParameter("conversation", conversationId)
                        .setParameter("user", userId)
                        .getResultList())
                .chain(allocated -> {
                    if (allocated.isEmpty()) {
                        return Uni.createFrom().item(List.<MessageResponse>of());
                    }
                    long firstSeq = ((Number) allocated.getFirst()[0]).longValue() - batch.size() + 1;
                    return insert(userId, conversationId, batch, firstSeq);
                });
    }

    private Uni<List<MessageResponse>> insert(UUID userId, UUID conversationId, List<MessageInput> batch, long firstSeq) {
        List<Map<String, Object>> rows = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            MessageInput message = batch.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", UuidV7.next());
            row.put("seq", firstSeq + i);
            row.put("speaker", message.speaker().toString());
            row.put("content", message.content());
            row.put("source", message.source().toString());
            row.put("ocr_confidence", message.ocrConfidence());
            row.put("is_key_moment", message.isKeyMoment());
            row.put("effectiveness_score", message.effectivenessScore());
            row.put("message_timestamp", message.messageTimestamp() == null ? null : message.messageTimestamp().toString());
            rows.add(row);
        }
        String document;
        try {
            document = json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT, Object[].class)
                        .setParameter("user", userId).setParameter("conversation", conversationId)
                        .setParameter("batch", document)
                        .getResultList())
                .map(inserted -> inserted.stream().map(MessageResponse::of)
                        .sorted(Comparator.comparingLong(MessageResponse::seq)).toList());
    }

    /**
     * A keyset page by seq: up to {@code limit} messages with seq in {@code range}, newest
     * first or oldest first. Read window by window: each statement bounds seq on both sides,
     * so no plan the plan cache may choose (a generic plan does not know the conversation's
     * size) can fetch and sort a whole conversation, which bench/rls saw cost 12 ms instead of
     * 0.6 ms on 20,000 messages. Deleted messages leave gaps, so a window can come back short:
     * the next one starts where it ended and is twice as wide, which bounds the round trips
     * by the logarithm of the gap.
     */
    public Uni<List<MessageResponse>> page(UUID userId, UUID conversationId, Instant since, MessageOrder order,
                                           SeqRange range, int limit) {
        return windows(userId, conversationId, since, order, range, limit, 2L * limit, new ArrayList<>(limit));
    }

    private Uni<List<MessageResponse>> windows(UUID userId, UUID conversationId, Instant since, MessageOrder order,
                                               SeqRange range, int limit, long width, List<MessageResponse> found) {
        if (range.isEmpty()) {
            return Uni.createFrom().item(found);
        }
        SeqRange window = order == MessageOrder.DESC
                ? new SeqRange(Math.max(range.above(), range.below() - 1 - width), range.below())
                : new SeqRange(range.above(), Math.min(range.below(), range.above() + 1 + width));
        SeqRange rest = order == MessageOrder.DESC
                ? new SeqRange(range.above(), window.above() + 1)
                : new SeqRange(window.below() - 1, range.below());
        String sql = order == MessageOrder.DESC ? PAGE_DESC : PAGE_ASC;
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Object[].class)
                        .setParameter("conversation", conversationId).setParameter("user", userId)
                        .setParameter("since", Rows.timestamptz(since))
                        .setParameter("above", window.above()).setParameter("below", window.below())
                        .setParameter("limit", limit - found.size())
                        .getResultList())
                .chain(rows -> {
                    rows.forEach(row -> found.add(MessageResponse.of(row)));
                    return found.size() >= limit ? Uni.createFrom().item(found)
                            : windows(userId, conversationId, since, order, rest, limit, width * 2, found);
                });
    }

    /** Sets the key-moment flag and/or the effectiveness score; null when there is no such message. */
    public Uni<MessageResponse> mark(UUID userId, UUID conversationId, Instant since, UUID messageId, MessageMarks marks) {
        return Panache.getSession().chain(session -> session.createNativeQuery(MARK, Object[].class)
                        .setParameter("keyMoment", marks.isKeyMoment())
                        .setParameter("setScore", marks.setScore())
                        .setParameter("score", marks.effectivenessScore())
                        .setParameter("message", messageId).setParameter("conversation", conversationId)
                        .setParameter("user", userId).setParameter("since", Rows.timestamptz(since))
                        .getResultList())
                .map(rows -> rows.isEmpty() ? null : MessageResponse.of(rows.getFirst()));
    }

    /**
     * Deletes a message of a conversation locked by the caller, and recomputes what depended
     * on it: the count, the last speaker (needsResponse) and the last_*_message_at fields.
     * The seq is not reused. False when there is no such message.
     */
    public Uni<Boolean> delete(UUID userId, UUID conversationId, Instant since, UUID messageId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(DELETE)
                        .setParameter("message", messageId).setParameter("conversation", conversationId)
                        .setParameter("user", userId).setParameter("since", Rows.timestamptz(since))
                        .executeUpdate()
                        .chain(deleted -> deleted == 0 ? Uni.createFrom().item(false)
                                : session.createNativeQuery(RECOMPUTE_AFTER_DELETE)
                                        .setParameter("conversation", conversationId).setParameter("user", userId)
                                        .setParameter("since", Rows.timestamptz(since))
                                        .executeUpdate().replaceWith(true)));
    }

    private static String pageSql(String direction) {
        return "select " + COLUMNS + " from messages where " + ONE_CONVERSATION
                + " and seq > :above and seq < :below order by seq " + direction + " limit :limit";
    }

    private static MessageInput lastBy(List<MessageInput> batch, Speaker speaker) {
        for (int i = batch.size() - 1; i >= 0; i--) {
            if (batch.get(i).speaker() == speaker) {
                return batch.get(i);
            }
        }
        return null;
    }

}
