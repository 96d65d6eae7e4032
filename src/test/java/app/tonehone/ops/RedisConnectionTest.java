package app.tonehone.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The service reaches its real Redis with AUTH, and that Redis refuses clients without the password. */
@QuarkusTest
class RedisConnectionTest {

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "quarkus.redis.hosts")
    String hosts;

    @Test
    void theConfiguredClientWritesAndReads() {
        String key = "test:" + UUID.randomUUID();
        redis.value(String.class).setex(key, 30, "ok");
        assertThat(redis.value(String.class).get(key)).isEqualTo("ok");
    }

    @Test
    void aClientWithoutThePasswordIsRefused() throws IOException {
        URI uri = URI.create(hosts.split(",")[0]);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[64];
            int read = in.read(reply);
            assertThat(new String(reply, 0, read, StandardCharsets.US_ASCII)).startsWith("-NOAUTH");
        }
    }
}
