package app.tonehone.common.pagination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** The signing key comes from configuration: committed for dev and test, required in production. */
class CursorConfigTest {

    private static SmallRyeConfig applicationProperties(String profile) throws IOException {
        URL properties = CursorConfigTest.class.getClassLoader().getResource("application.properties");
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(properties))
                .withMapping(CursorConfig.class)
                .build();
    }

    @Test
    void productionWithoutAKeyDoesNotStart() {
        assertThatThrownBy(() -> applicationProperties("prod"))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("tonehone.cursor.signing-key");
    }

    @Test
    void devAndTestHaveAUsableKey() throws IOException {
        for (String profile : new String[] {"dev", "test"}) {
            String key = applicationProperties(profile).getConfigMapping(CursorConfig.class).signingKey();
            assertThat(new CursorCodec(key)).isNotNull();
        }
    }
}
