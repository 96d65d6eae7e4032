package app.tonehone.tone;

import app.tonehone.common.db.DatabaseErrors;
import app.tonehone.common.error.ApiException;
import app.tonehone.common.http.IfMatch;
import app.tonehone.common.id.UuidV7;
import app.tonehone.common.pagination.CursorCodec;
import app.tonehone.common.pagination.CursorScope;
import app.tonehone.common.pagination.Page;
import app.tonehone.common.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Tone profiles: the user's own (read-write, at most {@value #MAX_OWN_PROFILES}) and the shared
 * presets (read-only). Every method runs in one tenant transaction.
 */
@ApplicationScoped
public class ToneProfileService {

    static final int MAX_OWN_PROFILES = 100;
    static final String LIST = "GET /api/v1/tone-profiles";
    static final String UNIQUE_NAME = "tone_profiles_user_name_key";

    private final TenantTransactions tenant;
    private final ToneProfileRepository profiles;
    private final CursorCodec cursors;

    ToneProfileService(TenantTransactions tenant, ToneProfileRepository profiles, CursorCodec cursors) {
        this.tenant = tenant;
        this.profiles = profiles;
        this.cursors = cursors;
    }

    /** Presets first, then the user's own, each by lower-cased name then id; {@code cursor} null for the first page. */
    public Uni<Page<ToneProfileResponse>> list(UUID userId, int limit, String cursor) {
        CursorScope scope = CursorScope.of(userId, LIST, ToneProfileRepository.ORDER);
        ToneProfileRow.Position after = cursor == null ? null : cursors.decode(scope, cursor, ToneProfileRow.Position::of);
        return tenant.run(userId, () -> profiles.page(userId, after, limit + 1))
                .map(rows -> cursors.page(scope, rows, limit, ToneProfileRow::sortKey).map(ToneProfileResponse::of));
    }

    /** An own profile or a preset; 404 otherwise (another user's included). */
    public Uni<ToneProfileResponse> get(UUID userId, UUID id) {
        return tenant.run(userId, () -> profiles.findVisible(userId, id))
                .map(row -> {
                    if (row == null) {
                        throw notFound();
                    }
                    return ToneProfileResponse.of(row);
                });
    }

    /** Own profiles and presets by distance from {@code point}, nearest first. */
    public Uni<NearestToneProfiles> nearest(UUID userId, ToneAxes point, int limit) {
        return tenant.run(userId, () -> profiles.nearest(userId, point, limit))
                .map(rows -> new NearestToneProfiles(rows.stream().map(NearToneProfile::of).toList()));
    }

    /** A new own profile; 409 on a duplicate name (case-insensitive) or when the user is at the cap. */
    public Uni<ToneProfileResponse> create(UUID userId, ToneProfileInput input) {
        return tenant.run(userId, () -> profiles.lockAccount(userId)
                        .chain(() -> profiles.countOwn(userId))
                        .chain(count -> {
                            if (count >= MAX_OWN_PROFILES) {
                                throw ApiException.conflict("An account can have at most " + MAX_OWN_PROFILES
                                        + " tone profiles; delete one first");
                            }
                            ToneProfile profile = new ToneProfile();
                            profile.id = UuidV7.next();
                            profile.userId = userId;
                            input.applyTo(profile);
                            profile.version = 1;
                            profile.createdAt = now();
                            profile.updatedAt = profile.createdAt;
                            return profiles.persistAndFlush(profile);
                        })
                        .map(ToneProfileResponse::of))
                .onFailure(e -> DatabaseErrors.violates(e, UNIQUE_NAME)).transform(e -> duplicateName());
    }

    /**
     * Changes an own profile to {@code change(current state)}: a full replacement (PUT) or a
     * merge patch (PATCH). 403 for a preset, 404 for anything else that is not the user's,
     * 412 when {@code ifMatch} does not match, 409 on a duplicate name.
     */
    public Uni<ToneProfileResponse> update(UUID userId, UUID id, IfMatch ifMatch, UnaryOperator<ToneProfileInput> change) {
        return tenant.run(userId, () -> own(userId, id)
                        .chain(profile -> {
                            ifMatch.check(profile.version);
                            change.apply(ToneProfileInput.of(profile)).applyTo(profile);
                            profile.updatedAt = now();
                            return profiles.flush().replaceWith(profile);
                        })
                        .map(ToneProfileResponse::of))
                .onFailure(e -> DatabaseErrors.violates(e, UNIQUE_NAME)).transform(e -> duplicateName());
    }

    /** Deletes an own profile (conversations using it are left without one); same answers as {@link #update}. */
    public Uni<Void> delete(UUID userId, UUID id, IfMatch ifMatch) {
        return tenant.run(userId, () -> own(userId, id)
                        .chain(profile -> {
                            ifMatch.check(profile.version);
                            return profiles.delete(profile);
                        })
                        .chain(profiles::flush));
    }

    /**
     * The user's own profile, locked until the transaction ends: concurrent writes to one
     * profile take turns, so each reads the version the previous one wrote (an unconditional
     * write always applies; a conditional one is checked against the latest version).
     */
    private Uni<ToneProfile> own(UUID userId, UUID id) {
        return profiles.findById(new ToneProfile.Key(id, userId), LockModeType.PESSIMISTIC_WRITE)
                .chain(profile -> profile != null ? Uni.createFrom().item(profile)
                        : profiles.isPreset(id).map(preset -> {
                            throw preset ? new ApiException(403, "Presets are shared and cannot be changed") : notFound();
                        }));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static ApiException notFound() {
        return ApiException.notFound("Tone profile");
    }

    private static ApiException duplicateName() {
        return ApiException.conflict("You already have a tone profile with this name");
    }
}
