package app.tonehone.auth;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start without token keys. Only the dev and test profiles have (committed, not
 * secret) keys; production must bring its own through configuration, and a service that
 * started without them would accept no token or sign with nothing.
 */
@ApplicationScoped
public class SigningKeysCheck {

    void check(@Observes StartupEvent event, Config config) {
        List<String> missing = missing(config);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Access-token keys are not configured: set " + String.join(", ", missing));
        }
    }

    static List<String> missing(Config config) {
        List<String> missing = new ArrayList<>();
        if (absent(config, "smallrye.jwt.sign.key") && absent(config, "smallrye.jwt.sign.key.location")) {
            missing.add("SMALLRYE_JWT_SIGN_KEY (the private key, PEM or JWK)");
        }
        if (absent(config, "mp.jwt.verify.publickey") && absent(config, "mp.jwt.verify.publickey.location")) {
            missing.add("MP_JWT_VERIFY_PUBLICKEY (a JWKS holding the signing key's public half)");
        }
        if (absent(config, "tonehone.auth.signing-key-id")) {
            missing.add("TONEHONE_AUTH_SIGNING_KEY_ID (the kid of the signing key in that JWKS)");
        }
        return missing;
    }

    private static boolean absent(Config config, String name) {
        return config.getOptionalValue(name, String.class).map(String::isBlank).orElse(true);
    }
}
