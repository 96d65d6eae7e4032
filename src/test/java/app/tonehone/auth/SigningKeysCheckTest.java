package app.tonehone.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A production start without keys must fail; with them it must not. */
class SigningKeysCheckTest {

    private static SmallRyeConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 500)).build();
    }

    @Test
    void namesEveryMissingSetting() {
        assertThat(SigningKeysCheck.missing(config(Map.of()))).hasSize(3);
        assertThat(SigningKeysCheck.missing(config(Map.of("smallrye.jwt.sign.key", " ")))).hasSize(3);
    }

    @Test
    void acceptsKeysGivenAsContentOrAsLocation() {
        assertThat(SigningKeysCheck.missing(config(Map.of(
                "smallrye.jwt.sign.key", "-----BEGIN PRIVATE KEY-----...",
                "mp.jwt.verify.publickey", "{\"keys\":[]}",
                "tonehone.auth.signing-key-id", "2026-12")))).isEmpty();
        assertThat(SigningKeysCheck.missing(config(Map.of(
                "smallrye.jwt.sign.key.location", "/secrets/key.pem",
                "mp.jwt.verify.publickey.location", "/secrets/jwks.json",
                "tonehone.auth.signing-key-id", "2026-12")))).isEmpty();
    }
}
