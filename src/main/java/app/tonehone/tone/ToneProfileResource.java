package app.tonehone.tone;

import app.tonehone.common.pagination.PageRequest;
import app.tonehone.common.error.InvalidFieldsException;
import app.tonehone.common.error.Problem;
import app.tonehone.common.http.IfMatch;
import app.tonehone.common.http.MergePatch;
import app.tonehone.common.http.MergePatches;
import app.tonehone.common.http.QueryParameters;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code /api/v1/tone-profiles}: the caller's own tone profiles and the shared presets.
 * Own profiles carry an ETag (their version); writes honour {@code If-Match}.
 */
@Path("/api/v1/tone-profiles")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ToneProfileResource {

    static final int DEFAULT_NEAREST = 5;
    static final int MAX_NEAREST = 50;

    private final CurrentUser currentUser;
    private final ToneProfileService profiles;
    private final MergePatches mergePatches;

    ToneProfileResource(CurrentUser currentUser, ToneProfileService profiles, MergePatches mergePatches) {
        this.currentUser = currentUser;
        this.profiles = profiles;
        this.mergePatches = mergePatches;
    }

    @GET
    public Uni<Page<ToneProfileResponse>> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        return profiles.list(currentUser.id(), page.limit(), page.cursor());
    }

    @GET
    @Path("/nearest")
    public Uni<NearestToneProfiles> nearest(@QueryParam("playfulness") String playfulness,
                                            @QueryParam("formality") String formality,
                                            @QueryParam("forwardness") String forwardness,
                                            @QueryParam("expressiveness") String expressiveness,
                                            @QueryParam("limit") String limit) {
        List<Problem.FieldError> errors = new ArrayList<>();
        errors.add(QueryParameters.integerError("playfulness", playfulness, ToneAxes.MIN, ToneAxes.MAX, null));
        errors.add(QueryParameters.integerError("formality", formality, ToneAxes.MIN, ToneAxes.MAX, null));
        errors.add(QueryParameters.integerError("forwardness", forwardness, ToneAxes.MIN, ToneAxes.MAX, null));
        errors.add(QueryParameters.integerError("expressiveness", expressiveness, ToneAxes.MIN, ToneAxes.MAX, null));
        errors.add(QueryParameters.integerError("limit", limit, 1, MAX_NEAREST, DEFAULT_NEAREST));
        errors.removeIf(Objects::isNull);
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        ToneAxes point = new ToneAxes(Integer.parseInt(playfulness), Integer.parseInt(formality),
                Integer.parseInt(forwardness), Integer.parseInt(expressiveness));
        return profiles.nearest(currentUser.id(), point,
                QueryParameters.integer("limit", limit, 1, MAX_NEAREST, DEFAULT_NEAREST));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@Valid @NotNull ToneProfileInput input, @Context UriInfo uri) {
        return profiles.create(currentUser.id(), input)
                .map(created -> tagged(Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()),
                        created));
    }

    @GET
    @Path("/{id}")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return profiles.get(currentUser.id(), id).map(profile -> tagged(Response.ok(), profile));
    }

    /** Full replacement: every field is required. */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> replace(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
                                 @Valid @NotNull ToneProfileInput input) {
        return profiles.update(currentUser.id(), id, IfMatch.parse(ifMatch), current -> input)
                .map(profile -> tagged(Response.ok(), profile));
    }

    /** JSON Merge Patch: absent fields stay, values replace; null clears, which no field of a profile allows. */
    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Uni<Response> patch(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch, JsonNode body)
            throws JsonProcessingException {
        MergePatch<ToneProfileInput> patch = mergePatches.parse(body, ToneProfileInput.class);
        return profiles.update(currentUser.id(), id, IfMatch.parse(ifMatch), patch::applyTo)
                .map(profile -> tagged(Response.ok(), profile));
    }

    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return profiles.delete(currentUser.id(), id, IfMatch.parse(ifMatch)).map(ignored -> Response.noContent().build());
    }

    /** Own profiles carry their version as a strong ETag; presets have none. */
    private static Response tagged(Response.ResponseBuilder response, ToneProfileResponse profile) {
        if (profile.version() != null) {
            response.tag(IfMatch.tag(profile.version()));
        }
        return response.entity(profile).build();
    }
}
