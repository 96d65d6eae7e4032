package app.tonehone.message;

import app.tonehone.common.error.ApiException;
import app.tonehone.common.idempotency.Idempotency;
import app.tonehone.common.idempotency.StoredResponse;
import app.tonehone.common.pagination.CursorCodec;
import app.tonehone.common.pagination.CursorScope;
import app.tonehone.common.pagination.Page;
import app.tonehone.common.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Messages of a conversation: append (single or batch), pages by seq, marks, delete. One tenant transaction each. */
@ApplicationScoped
public class MessageService {

    static final String LIST = "GET /api/v1/conversations/{id}/messages";

    private final TenantTransactions tenant;
    private final MessageRepository messages;
    private final Idempotency idempotency;
    private final CursorCodec cursors;
    private final MessageArchive archive;

    MessageService(TenantTransactions tenant, MessageRepository messages, Idempotency idempotency, CursorCodec cursors,
                   MessageArchive archive) {
        this.tenant = tenant;
        this.messages = messages;
        this.archive = archive;
        this.idempotency = idempotency;
        this.cursors = cursors;
    }

    public Uni<StoredResponse> create(UUID userId, UUID conversationId, MessageInput input, String idempotencyKey) {
        String collection = collection(conversationId);
        return tenant.run(userId, () -> idempotency.once(userId, idempotencyKey, "POST " + collection, input,
                () -> append(userId, conversationId, List.of(input))
                        .map(stored -> new Idempotency.Created(201, collection + "/" + stored.getFirst().id(), stored.getFirst()))));
    }

    public Uni<StoredResponse> createBatch(UUID userId, UUID conversationId, MessageBatch batch, String idempotencyKey) {
        String endpoint = "POST " + collection(conversationId) + "/batch";
        return tenant.run(userId, () -> idempotency.once(userId, idempotencyKey, endpoint, batch,
                () -> append(userId, conversationId, batch.messages())
                        .map(stored -> new Idempotency.Created(201, null, Map.of("items", stored)))));
    }

    /**
     * Appends in one statement when the conversation is writable, which is nearly always. When
     * it is not, find out why under the row lock (404 or 409): it may have been archived and
     * restored again between the two statements, and then, holding the lock, the append succeeds.
     */
    private Uni<List<MessageResponse>> append(UUID userId, UUID conversationId, List<MessageInput> batch) {
        return messages.append(userId, conversationId, batch)
                .chain(stored -> stored.isEmpty()
                        ? writable(userId, conversationId, true).chain(() -> messages.append(userId, conversationId, batch))
                        : Uni.createFrom().item(stored));
    }

    public Uni<Page<MessageResponse>> page(UUID userId, UUID conversationId, MessageOrder order, Long afterSeq, int limit,
                                           String cursor) {
        Map<String, String> filters = new TreeMap<>();
        filters.put("conversation", conversationId.toString());
        if (afterSeq != null) {
            filters.put("afterSeq", afterSeq.toString());
        }
        CursorScope scope = CursorScope.of(userId, LIST, "seq " + order, filters);
        Long cursorSeq = cursor == null ? null : cursors.decode(scope, cursor, key -> Long.parseLong(key.getFirst()));
        return tenant.run(userId, () -> messages.conversation(userId, conversationId, false)
                .chain(state -> {
                    if (state == null) {
                        throw notFound("Conversation");
                    }
                    SeqRange range = range(order, cursorSeq, afterSeq, state.lastSeq());
                    return state.archived()
                            ? archive.page(userId, conversationId, order, range, limit + 1)
                            : messages.page(userId, conversationId, state.createdAt(), order, range, limit + 1);
                })
                .map(rows -> cursors.page(scope, rows, limit, message -> List.of(Long.toString(message.seq())))));
    }

    /**
     * The seq values a page may hold: below the cursor (newest first) or above it (oldest
     * first), above afterSeq, and no further than the conversation's last seq as read in this
     * transaction.
     */
    static SeqRange range(MessageOrder order, Long cursorSeq, Long afterSeq, long lastSeq) {
        long floor = afterSeq == null ? 0 : Math.max(0, afterSeq);
        if (order == MessageOrder.DESC) {
            long below = cursorSeq == null ? lastSeq + 1 : Math.min(cursorSeq, lastSeq + 1);
            return new SeqRange(floor, below);
        }
        return new SeqRange(cursorSeq == null ? floor : Math.max(cursorSeq, floor), lastSeq + 1);
    }

    public Uni<MessageResponse> mark(UUID userId, UUID conversationId, UUID messageId, MessageMarks marks) {
        // Locked: an archive running at the same time would otherwise move the message away
        // between the check and the update (a 404 for a message that exists).
        return tenant.run(userId, () -> writable(userId, conversationId, true)
                .chain(state -> messages.mark(userId, conversationId, state.createdAt(), messageId, marks))
                .map(message -> {
                    if (message == null) {
                        throw notFound("Message");
                    }
                    return message;
                }));
    }

    public Uni<Void> delete(UUID userId, UUID conversationId, UUID messageId) {
        return tenant.run(userId, () -> writable(userId, conversationId, true)
                .chain(state -> messages.delete(userId, conversationId, state.createdAt(), messageId))
                .map(deleted -> {
                    if (!deleted) {
                        throw notFound("Message");
                    }
                    return null;
                }));
    }

    /** The conversation if it is live and not archived: 404 when it is not the user's or deleted, 409 when archived. */
    private Uni<MessageRepository.ConversationState> writable(UUID userId, UUID conversationId, boolean lock) {
        return messages.conversation(userId, conversationId, lock).map(state -> {
            if (state == null) {
                throw notFound("Conversation");
            }
            if (state.archived()) {
                throw ApiException.conflict("This conversation is archived: restore it to change its messages");
            }
            return state;
        });
    }

    static String collection(UUID conversationId) {
        return "/api/v1/conversations/" + conversationId + "/messages";
    }

    static ApiException notFound(String what) {
        return ApiException.notFound(what);
    }
}
