package app.tonehone.user;

import app.tonehone.auth.RefreshTokenRepository;
import app.tonehone.common.error.ApiException;
import app.tonehone.common.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class UserService {

    private final TenantTransactions tenant;
    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;

    UserService(TenantTransactions tenant, UserRepository users, RefreshTokenRepository refreshTokens) {
        this.tenant = tenant;
        this.users = users;
        this.refreshTokens = refreshTokens;
    }

    /** The caller's own account (a deleted or unknown one never gets this far: 401). */
    public Uni<MeResponse> me(UUID userId) {
        return tenant.run(userId, () -> users.findById(userId)
                .map(user -> {
                    if (user == null || user.isDeleted()) {
                        throw ApiException.notFound("Account");
                    }
                    return MeResponse.of(user);
                }));
    }

    /**
     * Marks the account deleted and scrubs its email and password hash in one transaction,
     * and revokes its refresh tokens. From the next request on, its access tokens are refused
     * ({@link TenantTransactions#run} checks liveness); the purge job removes the rest.
     */
    public Uni<Void> deleteAccount(UUID userId) {
        return tenant.run(userId, () -> users.findById(userId)
                .invoke(user -> {
                    user.deletedAt = Instant.now();
                    user.updatedAt = user.deletedAt;
                    user.email = null;
                    user.passwordHash = null;
                })
                .chain(() -> refreshTokens.revokeAll(userId)))
                .replaceWithVoid();
    }
}
