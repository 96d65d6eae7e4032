package app.tonehone.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Token lifetimes, signing key id, administrators and password hashing cost. */
@ConfigMapping(prefix = "tonehone.auth")
public interface AuthConfig {

    /** Lifetime of access tokens: minutes, so a stolen one is short-lived. */
    @WithDefault("PT15M")
    Duration accessTokenTtl();

    /** Lifetime of a refresh token; each refresh issues a new one with a fresh lifetime. */
    @WithDefault("P30D")
    Duration refreshTokenTtl();

    /**
     * The {@code kid} written into issued access tokens; the verification key set
     * ({@code mp.jwt.verify.publickey[.location]}, a JWKS) must hold a key with this id, and
     * may hold the previous ones while their tokens expire (key rotation).
     */
    String signingKeyId();

    /** Accounts whose access tokens carry the group {@code admin}; compared case-insensitively. */
    @WithName("admin-emails")
    Optional<List<String>> adminEmails();

    /** Credits a new account starts with (free tier). */
    @WithDefault("10")
    int signupCredits();

    Password password();

    /** Argon2id cost (OWASP's minimum: 19 MiB, 2 passes, 1 lane). */
    interface Password {
        @WithDefault("19456")
        int memoryKib();

        @WithDefault("2")
        int iterations();

        @WithDefault("1")
        int parallelism();

        /** At most this many hashes at once, on their own threads, off the event loop. */
        @WithDefault("2")
        int concurrentHashes();
    }
}
