package app.tonehone.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Quarkus takes a trusted proxy that is not an IPv4 address or CIDR block (even "::1") for a
 * host name and resolves it by DNS while it serves requests: where DNS does not answer,
 * keep-alive requests stalled for 5 s at a time (found by bench/run.sh). Every profile's list
 * must hold literals only.
 */
class TrustedProxiesConfigTest {

    private static final String IPV4_OR_CIDR = "(\\d{1,3}\\.){3}\\d{1,3}(/\\d{1,2})?";

    @Test
    void everyTrustedProxyIsAnIpv4AddressOrBlock() throws IOException {
        URL properties = TrustedProxiesConfigTest.class.getClassLoader().getResource("application.properties");
        for (String profile : List.of("prod", "dev", "test")) {
            var config = new SmallRyeConfigBuilder().withProfile(profile)
                    .withSources(new PropertiesConfigSource(properties)).build();
            List<String> proxies = config.getValues("quarkus.http.proxy.trusted-proxies", String.class);
            assertThat(proxies).as(profile).isNotEmpty().allMatch(proxy -> proxy.trim().matches(IPV4_OR_CIDR));
        }
    }
}
