package app.tonehone.auth;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Short-lived RS256 access tokens: {@code iss}, {@code aud}, {@code sub} (the user id),
 * {@code exp}, and the group {@code admin} for the configured administrators; signed with
 * {@code smallrye.jwt.sign.key[.location]} under the key id {@code tonehone.auth.signing-key-id}.
 * Signing is a few hundred microseconds of RSA, cheap enough for the event loop.
 */
@ApplicationScoped
public class AccessTokens {

    public static final String ADMIN_GROUP = "admin";

    private final AuthConfig config;
    private final String issuer;
    private final String audience;
    private final Set<String> adminEmails;

    AccessTokens(AuthConfig config,
                 @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
                 @ConfigProperty(name = "mp.jwt.verify.audiences") String audience) {
        this.config = config;
        this.issuer = issuer;
        this.audience = audience;
        this.adminEmails = config.adminEmails().orElse(java.util.List.of()).stream()
                .map(email -> email.trim().toLowerCase(Locale.ROOT))
                .filter(email -> !email.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public String issue(UUID userId, String email) {
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .audience(audience)
                .subject(userId.toString())
                .expiresIn(config.accessTokenTtl());
        if (email != null && adminEmails.contains(email.toLowerCase(Locale.ROOT))) {
            claims.groups(ADMIN_GROUP);
        }
        return claims.jws().keyId(config.signingKeyId()).algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256).sign();
    }

    public long expiresInSeconds() {
        return config.accessTokenTtl().toSeconds();
    }
}
