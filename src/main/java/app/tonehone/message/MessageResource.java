package app.tonehone.message;

import app.tonehone.common.pagination.PageRequest;
import app.tonehone.common.error.InvalidFieldsException;
import app.tonehone.common.error.Problem;
import app.tonehone.common.http.PathIds;
import app.tonehone.common.http.QueryParameters;
import app.tonehone.common.idempotency.Idempotency;
import app.tonehone.common.pagination.Page;
import app.tonehone.common.tenancy.CurrentUser;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/** {@code /api/v1/conversations/{conversationId}/messages}: a conversation's messages, ordered by seq. */
@Path("/api/v1/conversations/{conversationId}/messages")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MessageResource {

    private final CurrentUser currentUser;
    private final MessageService messages;

    MessageResource(CurrentUser currentUser, MessageService messages) {
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@PathParam("conversationId") String conversationId, @Valid @NotNull MessageInput input,
                                @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return messages.create(currentUser.id(), PathIds.parse(conversationId, "Conversation"), input, Idempotency.key(idempotencyKey))
                .map(stored -> stored.toResponse());
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> createBatch(@PathParam("conversationId") String conversationId, @Valid @NotNull MessageBatch batch,
                                     @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return messages.createBatch(currentUser.id(), PathIds.parse(conversationId, "Conversation"), batch,
                Idempotency.key(idempotencyKey)).map(stored -> stored.toResponse());
    }

    @GET
    public Uni<Page<MessageResponse>> page(@PathParam("conversationId") String conversationId,
                                           @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                                           @QueryParam("order") String order, @QueryParam("afterSeq") String afterSeq) {
        MessageOrder direction = switch (order == null || order.isEmpty() ? "desc" : order) {
            case "desc" -> MessageOrder.DESC;
            case "asc" -> MessageOrder.ASC;
            default -> throw InvalidFieldsException.of("order", "must be desc or asc");
        };
        Long floor = afterSeq == null || afterSeq.isEmpty() ? null
                : (long) QueryParameters.integer("afterSeq", afterSeq, 0, Integer.MAX_VALUE, null);
        PageRequest page = PageRequest.of(limit, cursor);
        return messages.page(currentUser.id(), PathIds.parse(conversationId, "Conversation"), direction, floor,
                page.limit(), page.cursor());
    }

    /** Marks a message: {@code {isKeyMoment?: boolean, effectivenessScore?: 1..5 | null}} (merge-patch semantics). */
    @PATCH
    @Path("/{messageId}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    public Uni<MessageResponse> mark(@PathParam("conversationId") String conversationId,
                                     @PathParam("messageId") String messageId, JsonNode body) {
        return messages.mark(currentUser.id(), PathIds.parse(conversationId, "Conversation"), PathIds.parse(messageId, "Message"), marks(body));
    }

    @DELETE
    @Path("/{messageId}")
    public Uni<Response> delete(@PathParam("conversationId") String conversationId,
                                @PathParam("messageId") String messageId) {
        return messages.delete(currentUser.id(), PathIds.parse(conversationId, "Conversation"), PathIds.parse(messageId, "Message"))
                .map(ignored -> Response.noContent().build());
    }

    static MessageMarks marks(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw InvalidFieldsException.of("body", "must be a JSON object");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Boolean keyMoment = null;
        JsonNode flag = body.get("isKeyMoment");
        if (flag != null) {
            if (flag.isBoolean()) {
                keyMoment = flag.booleanValue();
            } else {
                errors.add(new Problem.FieldError("isKeyMoment", "must be true or false"));
            }
        }
        JsonNode score = body.get("effectivenessScore");
        Integer effectiveness = null;
        if (score != null && !score.isNull()) {
            if (score.isInt() && score.intValue() >= 1 && score.intValue() <= 5) {
                effectiveness = score.intValue();
            } else {
                errors.add(new Problem.FieldError("effectivenessScore", "must be an integer from 1 to 5, or null"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        return new MessageMarks(keyMoment, score != null, effectiveness);
    }
}
