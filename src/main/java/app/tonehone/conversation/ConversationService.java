package app.tonehone.conversation;

import app.tonehone.common.error.ApiException;
import app.tonehone.common.error.InvalidFieldsException;
import app.tonehone.common.http.IfMatch;
import app.tonehone.common.id.UuidV7;
import app.tonehone.common.idempotency.Idempotency;
import app.tonehone.common.idempotency.StoredResponse;
import app.tonehone.common.pagination.CursorCodec;
import app.tonehone.common.pagination.CursorScope;
import app.tonehone.common.pagination.Page;
import app.tonehone.common.tenancy.TenantTransactions;
import app.tonehone.message.MessageArchive;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Conversations: create, list, read, change, archive and restore, soft-delete. Each method is one tenant transaction. */
@ApplicationScoped
public class ConversationService {

    static final String LIST = "GET /api/v1/conversations";
    static final String ORDER = "last_activity_at desc, id desc";
    static final String COLLECTION = "/api/v1/conversations";

    private final TenantTransactions tenant;
    private final ConversationRepository conversations;
    private final CursorCodec cursors;
    private final Idempotency idempotency;
    private final MessageArchive archive;

    ConversationService(TenantTransactions tenant, ConversationRepository conversations, CursorCodec cursors,
                        Idempotency idempotency, MessageArchive archive) {
        this.archive = archive;
        this.tenant = tenant;
        this.conversations = conversations;
        this.cursors = cursors;
        this.idempotency = idempotency;
    }

    public Uni<StoredResponse> create(UUID userId, ConversationInput input, String idempotencyKey) {
        return tenant.run(userId, () -> idempotency.once(userId, idempotencyKey, "POST " + COLLECTION, input, () -> {
            Conversation conversation = new Conversation();
            conversation.id = UuidV7.next();
            conversation.userId = userId;
            conversation.version = 1;
            input.applyTo(conversation);
            return setTone(userId, conversation, input.toneProfileId())
                    .chain(() -> conversations.persistAndFlush(conversation))
                    .chain(saved -> conversations.databaseClock(saved)
                            .map(clock -> new Idempotency.Created(201, COLLECTION + "/" + saved.id,
                                    ConversationResponse.of(saved).withClock(clock))));
        }));
    }

    public Uni<Page<ConversationResponse>> list(UUID userId, ConversationRepository.Filter filter, int limit, String cursor) {
        CursorScope scope = CursorScope.of(userId, LIST, ORDER, filters(filter));
        ConversationRepository.Position after = cursor == null ? null
                : cursors.decode(scope, cursor, key -> new ConversationRepository.Position(Instant.parse(key.get(0)),
                        UUID.fromString(key.get(1))));
        return tenant.run(userId, () -> conversations.page(userId, filter, after, limit + 1)
                .map(rows -> cursors.page(scope, rows, limit, c -> List.of(c.lastActivityAt.toString(), c.id.toString()))
                        .map(ConversationResponse::of)));
    }

    public Uni<ConversationResponse> get(UUID userId, UUID id) {
        return tenant.run(userId, () -> current(userId, id));
    }

    /** Applies a merge patch (or any change of the writable state); 412 on a stale If-Match. */
    public Uni<ConversationResponse> update(UUID userId, UUID id, IfMatch ifMatch, UnaryOperator<ConversationInput> change) {
        return tenant.run(userId, () -> conversations.findLiveForUpdate(userId, id)
                .chain(conversation -> {
                    if (conversation == null) {
                        throw notFound();
                    }
                    ifMatch.check(conversation.version);
                    ConversationInput changed = change.apply(ConversationInput.of(conversation));
                    changed.applyTo(conversation);
                    conversation.updatedAt = Instant.now();
                    // The flush writes the change and bumps the version in the entity too.
                    return setTone(userId, conversation, changed.toneProfileId())
                            .call(() -> Panache.getSession().chain(session -> session.flush()))
                            .map(ignored -> ConversationResponse.of(conversation));
                }));
    }

    /** Soft delete: gone from every list and read at once; a job purges it later. */
    public Uni<Void> delete(UUID userId, UUID id, IfMatch ifMatch) {
        return tenant.run(userId, () -> conversations.findLiveForUpdate(userId, id)
                .chain(conversation -> {
                    if (conversation == null) {
                        throw notFound();
                    }
                    ifMatch.check(conversation.version);
                    conversation.deletedAt = Instant.now();
                    conversation.updatedAt = conversation.deletedAt;
                    return Panache.getSession().chain(session -> session.flush());
                }));
    }

    /**
     * Archives the conversation: its messages move to cold storage, where they stay readable
     * but not writable. Archiving an archived conversation changes nothing and answers it as
     * it is, so a retried request gets the same answer.
     */
    public Uni<ConversationResponse> archive(UUID userId, UUID id) {
        return tenant.run(userId, () -> archive.archive(userId, id).chain(() -> current(userId, id)));
    }

    /** Restores an archived conversation, messages back in order; a conversation that is not archived is answered as it is. */
    public Uni<ConversationResponse> restore(UUID userId, UUID id) {
        return tenant.run(userId, () -> archive.restore(userId, id).chain(() -> current(userId, id)));
    }

    /** The conversation as stored; read after the archive statements, so the session has no older copy of it. */
    private Uni<ConversationResponse> current(UUID userId, UUID id) {
        return conversations.findLive(userId, id).map(conversation -> {
            if (conversation == null) {
                throw notFound();
            }
            return ConversationResponse.of(conversation);
        });
    }

    /** The tone must be one of the user's profiles or a shared preset: 400 otherwise. */
    private Uni<Void> setTone(UUID userId, Conversation conversation, UUID toneId) {
        if (toneId == null) {
            conversation.toneProfileId = null;
            conversation.tonePresetId = null;
            return Uni.createFrom().voidItem();
        }
        return conversations.toneKind(userId, toneId).map(kind -> {
            if (kind == null) {
                throw InvalidFieldsException.of("toneProfileId", "is not one of your tone profiles or a preset");
            }
            conversation.toneProfileId = kind.equals("profile") ? toneId : null;
            conversation.tonePresetId = kind.equals("preset") ? toneId : null;
            return null;
        });
    }

    private static Map<String, String> filters(ConversationRepository.Filter filter) {
        Map<String, String> filters = new TreeMap<>();
        filters.put("archived", Boolean.toString(filter.archived()));
        if (filter.platform() != null) {
            filters.put("platform", filter.platform().toString());
        }
        if (filter.waiting() != null) {
            filters.put("needsResponse", filter.waiting().toString());
        }
        return filters;
    }

    static ApiException notFound() {
        return ApiException.notFound("Conversation");
    }
}
