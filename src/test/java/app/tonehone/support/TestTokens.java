package app.tonehone.support;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Access tokens signed with the committed, not-secret test key (src/test/resources/dev-keys). */
public final class TestTokens {

    public static final String ISSUER = "https://tonehone.app";
    public static final String AUDIENCE = "tonehone-api";

    private TestTokens() {
    }

    public static String accessToken(UUID userId) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(userId.toString())
                .expiresIn(Duration.ofMinutes(5)).sign();
    }

    public static String expired(UUID userId) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(userId.toString())
                .issuedAt(past).expiresAt(past.plus(Duration.ofMinutes(5))).sign();
    }

    public static String withIssuer(UUID userId, String issuer) {
        return Jwt.issuer(issuer).audience(AUDIENCE).subject(userId.toString())
                .expiresIn(Duration.ofMinutes(5)).sign();
    }

    public static String withAudience(UUID userId, String audience) {
        return Jwt.issuer(ISSUER).audience(audience).subject(userId.toString())
                .expiresIn(Duration.ofMinutes(5)).sign();
    }

    /** A well-formed token signed by a key the service does not trust. */
    public static String signedByAnotherKey(UUID userId) {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(userId.toString())
                    .expiresIn(Duration.ofMinutes(5)).sign(generator.generateKeyPair().getPrivate());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String withSubject(String subject) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .expiresIn(Duration.ofMinutes(5)).sign();
    }
}
