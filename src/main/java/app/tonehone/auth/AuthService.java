package app.tonehone.auth;

import app.tonehone.auth.AuthDtos.Credentials;
import app.tonehone.auth.AuthDtos.LoginRequest;
import app.tonehone.auth.AuthDtos.PasswordChange;
import app.tonehone.auth.AuthDtos.TokenResponse;
import app.tonehone.common.db.DatabaseErrors;
import app.tonehone.common.error.ApiException;
import app.tonehone.common.id.UuidV7;
import app.tonehone.common.ratelimit.RateLimitConfig;
import app.tonehone.common.ratelimit.RateLimiter;
import app.tonehone.common.tenancy.TenantTransactions;
import app.tonehone.user.User;
import app.tonehone.user.UserRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Accounts and sessions: registration, login, refresh-token rotation, logout, password
 * change. Password hashing always happens outside database transactions (it takes tens of
 * milliseconds on purpose); everything that touches tenant rows runs in
 * {@link TenantTransactions}.
 */
@ApplicationScoped
public class AuthService {

    private static final String LOGIN_CANDIDATE = "select user_id, email, password_hash from auth_login_candidate($1)";

    private final TenantTransactions tenant;
    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHashing passwords;
    private final AccessTokens accessTokens;
    private final RateLimiter limiter;
    private final RateLimitConfig limits;
    private final AuthConfig config;
    private final Pool pool;

    AuthService(TenantTransactions tenant, UserRepository users, RefreshTokenRepository refreshTokens,
                PasswordHashing passwords, AccessTokens accessTokens, RateLimiter limiter, RateLimitConfig limits,
                AuthConfig config, Pool pool) {
        this.tenant = tenant;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.limiter = limiter;
        this.limits = limits;
        this.config = config;
        this.pool = pool;
    }

    /** A new account and its first session; 409 when the email (in any case) is taken. */
    public Uni<TokenResponse> register(Credentials credentials, String clientAddress) {
        String email = credentials.email().trim();
        return limiter.enforce("register-address", clientAddress, limits.registerPerAddress(), limits.registerWindow())
                .chain(() -> passwords.hash(credentials.password()))
                .chain(hash -> {
                    UUID userId = UuidV7.next();
                    return tenant.runForNewAccount(userId, () -> users.persist(newUser(userId, email, hash))
                            .call(() -> Panache.getSession().chain(session -> session.flush()))
                            .chain(() -> startSession(userId, email)));
                })
                .onFailure(failure -> DatabaseErrors.violates(failure, "users_email_lower_key"))
                .transform(failure -> ApiException.conflict("An account with this email already exists"));
    }

    /** A new session for a correct email and password; 401 otherwise, in the same time either way. */
    public Uni<TokenResponse> login(LoginRequest request, String clientAddress) {
        String email = request.email().trim();
        return limiter.enforce("login-address", clientAddress, limits.loginPerAddress(), limits.loginWindow())
                .chain(() -> limiter.enforce("login-email", email, limits.loginPerEmail(), limits.loginWindow()))
                .chain(() -> pool.preparedQuery(LOGIN_CANDIDATE).execute(Tuple.of(email)))
                .map(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    return it.hasNext() ? it.next() : null;
                })
                .chain(account -> passwords.verify(request.password(), account == null ? null : account.getString("password_hash"))
                        .chain(correct -> correct
                                ? signIn(account.getUUID("user_id"), account.getString("email"),
                                        account.getString("password_hash"), request.password())
                                : Uni.createFrom().failure(new AuthenticationFailedException("bad credentials"))));
    }

    private Uni<TokenResponse> signIn(UUID userId, String email, String storedHash, String password) {
        if (!passwords.needsRehash(storedHash)) {
            return tenant.run(userId, () -> startSession(userId, email));
        }
        // The hash predates the current cost settings: upgrade it while the password is at hand.
        return passwords.hash(password).chain(upgraded -> tenant.run(userId, () -> updatePasswordHash(userId, storedHash, upgraded)
                .chain(() -> startSession(userId, email))));
    }

    /**
     * Trades a refresh token for a new pair. The presented token is rotated (it never works
     * again); presenting an already rotated token revokes its whole family, and answers 401.
     */
    public Uni<TokenResponse> refresh(String refreshToken, String clientAddress) {
        RefreshTokenCodec.Decoded token = RefreshTokenCodec.decode(refreshToken).orElse(null);
        if (token == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("malformed refresh token"));
        }
        return limiter.enforce("refresh-address", clientAddress, limits.refreshPerAddress(), limits.refreshWindow())
                .chain(() -> tenant.run(token.userId(), () -> refreshTokens.rotate(token.userId(), token.hash())
                        .chain(rotation -> rotation.outcome() == RefreshTokenRepository.Presented.ROTATED
                                ? users.findById(token.userId()).chain(user -> continueSession(user, rotation.familyId()))
                                // The revocation of a reused family must commit: answer after the transaction.
                                : Uni.createFrom().<TokenResponse>nullItem())))
                .onItem().ifNull().failWith(() -> new AuthenticationFailedException("refresh token not valid"));
    }

    /** Ends the session the refresh token belongs to (its whole family); unknown tokens are ignored. */
    public Uni<Void> logout(String refreshToken) {
        RefreshTokenCodec.Decoded token = RefreshTokenCodec.decode(refreshToken).orElse(null);
        if (token == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("malformed refresh token"));
        }
        return tenant.run(token.userId(), () -> refreshTokens.revokeFamilyOf(token.userId(), token.hash())).replaceWithVoid();
    }

    /** Changes the password after checking the current one; every refresh token of the user stops working. */
    public Uni<Void> changePassword(UUID userId, PasswordChange change) {
        return limiter.enforce("password-change", userId.toString(), limits.loginPerEmail(), limits.loginWindow())
                .chain(() -> tenant.run(userId, () -> users.findById(userId).map(user -> user.passwordHash)))
                .chain(storedHash -> passwords.verify(change.currentPassword(), storedHash)
                        .chain(correct -> correct
                                ? passwords.hash(change.newPassword())
                                : Uni.createFrom().failure(new ApiException(403, "The current password is not correct")))
                        .chain(newHash -> tenant.run(userId, () -> updatePasswordHash(userId, storedHash, newHash)
                                .chain(() -> refreshTokens.revokeAll(userId)))))
                .replaceWithVoid();
    }

    private Uni<Void> updatePasswordHash(UUID userId, String expectedHash, String newHash) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update users set password_hash = ?1, updated_at = now()
                        where id = ?2 and password_hash = ?3 and deleted_at is null""")
                .setParameter(1, newHash).setParameter(2, userId).setParameter(3, expectedHash)
                .executeUpdate())
                .chain(updated -> updated == 1
                        ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(ApiException.conflict("The password was changed meanwhile; try again")));
    }

    private Uni<TokenResponse> startSession(UUID userId, String email) {
        return issuePair(userId, email, UuidV7.next());
    }

    private Uni<TokenResponse> continueSession(User user, UUID familyId) {
        return issuePair(user.id, user.email, familyId);
    }

    private Uni<TokenResponse> issuePair(UUID userId, String email, UUID familyId) {
        RefreshTokenCodec.Issued refresh = RefreshTokenCodec.issue(userId);
        return refreshTokens.insert(userId, familyId, refresh.hash(), config.refreshTokenTtl())
                .map(ignored -> new TokenResponse(userId, accessTokens.issue(userId, email),
                        accessTokens.expiresInSeconds(), refresh.token()));
    }

    private User newUser(UUID userId, String email, String passwordHash) {
        User user = new User();
        user.id = userId;
        user.email = email;
        user.passwordHash = passwordHash;
        user.creditsRemaining = config.signupCredits();
        return user;
    }
}
