package app.tonehone.conversation;

import app.tonehone.common.pagination.PageRequest;
import app.tonehone.common.error.InvalidFieldsException;
import app.tonehone.common.http.IfMatch;
import app.tonehone.common.http.MergePatch;
import app.tonehone.common.http.MergePatches;
import app.tonehone.common.http.PathIds;
import app.tonehone.common.http.QueryParameters;
import app.tonehone.common.idempotency.Idempotency;
import app.tonehone.common.pagination.Page;
import app.tonehone.common.tenancy.CurrentUser;
import com.fasterxml.jackson.core.JsonProcessingException;
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

/** {@code /api/v1/conversations}: one per match. Carries an ETag (its version); writes honour If-Match. */
@Path("/api/v1/conversations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ConversationResource {

    private final CurrentUser currentUser;
    private final ConversationService conversations;
    private final MergePatches mergePatches;

    ConversationResource(CurrentUser currentUser, ConversationService conversations, MergePatches mergePatches) {
        this.currentUser = currentUser;
        this.conversations = conversations;
        this.mergePatches = mergePatches;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@Valid @NotNull ConversationInput input,
                                @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return conversations.create(currentUser.id(), input, Idempotency.key(idempotencyKey))
                .map(stored -> stored.toResponse());
    }

    @GET
    public Uni<Page<ConversationResponse>> list(@QueryParam("platform") String platform,
                                                @QueryParam("archived") String archived,
                                                @QueryParam("needsResponse") String needsResponse,
                                                @QueryParam("limit") String limit,
                                                @QueryParam("cursor") String cursor) {
        Platform platformFilter = null;
        if (platform != null && !platform.isEmpty()) {
            platformFilter = Platform.parse(platform);
            if (platformFilter == null) {
                throw InvalidFieldsException.of("platform", "must be one of hinge, bumble, tinder, other");
            }
        }
        var filter = new ConversationRepository.Filter(QueryParameters.bool("archived", archived, false), platformFilter,
                QueryParameters.bool("needsResponse", needsResponse, null));
        PageRequest page = PageRequest.of(limit, cursor);
        return conversations.list(currentUser.id(), filter, page.limit(), page.cursor());
    }

    @GET
    @Path("/{id}")
    public Uni<Response> get(@PathParam("id") String id) {
        return conversations.get(currentUser.id(), PathIds.parse(id, "Conversation")).map(ConversationResource::tagged);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Uni<Response> patch(@PathParam("id") String id, @HeaderParam(IfMatch.HEADER) String ifMatch, JsonNode body)
            throws JsonProcessingException {
        MergePatch<ConversationInput> patch = mergePatches.parse(body, ConversationInput.class);
        return conversations.update(currentUser.id(), PathIds.parse(id, "Conversation"), IfMatch.parse(ifMatch), patch::applyTo)
                .map(ConversationResource::tagged);
    }

    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") String id, @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return conversations.delete(currentUser.id(), PathIds.parse(id, "Conversation"), IfMatch.parse(ifMatch))
                .map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("/{id}/archive")
    public Uni<Response> archive(@PathParam("id") String id) {
        return conversations.archive(currentUser.id(), PathIds.parse(id, "Conversation")).map(ConversationResource::tagged);
    }

    @POST
    @Path("/{id}/restore")
    public Uni<Response> restore(@PathParam("id") String id) {
        return conversations.restore(currentUser.id(), PathIds.parse(id, "Conversation")).map(ConversationResource::tagged);
    }

    private static Response tagged(ConversationResponse conversation) {
        return Response.ok(conversation).tag(IfMatch.tag(conversation.version())).build();
    }
}
