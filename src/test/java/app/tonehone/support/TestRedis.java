package app.tonehone.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Stops and starts the test suite's real Redis (the one bin/test started, whose config file
 * is TONEHONE_LOCAL_REDIS_CONF), for tests of what the service does while it is gone.
 * Speaks just enough RESP over a plain socket to do that.
 */
public final class TestRedis {

    private TestRedis() {
    }

    public static void stop() throws IOException {
        try {
            command("SHUTDOWN", "NOSAVE");
        } catch (IOException expected) {
            // The server closes the connection as it exits.
        }
        for (int i = 0; i < 50 && isUp(); i++) {
            sleep(100);
        }
        if (isUp()) {
            throw new IllegalStateException("Redis did not stop");
        }
    }

    public static void start() throws IOException, InterruptedException {
        String conf = System.getenv("TONEHONE_LOCAL_REDIS_CONF");
        if (conf == null) {
            throw new IllegalStateException("TONEHONE_LOCAL_REDIS_CONF is not set: run the suite with bin/test");
        }
        Process process = new ProcessBuilder("redis-server", conf).inheritIO().start();
        process.waitFor();
        for (int i = 0; i < 50 && !isUp(); i++) {
            sleep(100);
        }
        if (!isUp()) {
            throw new IllegalStateException("Redis did not start again");
        }
    }

    public static List<String> keysMatching(String pattern) throws IOException {
        return command("KEYS", pattern);
    }

    private static boolean isUp() {
        try {
            return command("PING").equals(List.of("PONG"));
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> command(String... words) throws IOException {
        URI uri = URI.create(ConfigProvider.getConfig().getValue("quarkus.redis.hosts", String.class).split(",")[0]);
        String password = uri.getUserInfo().substring(uri.getUserInfo().indexOf(':') + 1);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            write(out, "AUTH", password);
            read(in);
            write(out, words);
            return read(in);
        }
    }

    private static void write(OutputStream out, String... words) throws IOException {
        StringBuilder request = new StringBuilder("*").append(words.length).append("\r\n");
        for (String word : words) {
            request.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word).append("\r\n");
        }
        out.write(request.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static List<String> read(InputStream in) throws IOException {
        String line = line(in);
        List<String> values = new ArrayList<>();
        switch (line.charAt(0)) {
            case '+', ':' -> values.add(line.substring(1));
            case '-' -> throw new IOException("Redis error: " + line);
            case '$' -> values.add(bulk(in, Integer.parseInt(line.substring(1))));
            case '*' -> {
                int count = Integer.parseInt(line.substring(1));
                for (int i = 0; i < count; i++) {
                    values.add(bulk(in, Integer.parseInt(line(in).substring(1))));
                }
            }
            default -> throw new IOException("Unexpected reply");
        }
        return values;
    }

    private static String bulk(InputStream in, int length) throws IOException {
        if (length < 0) {
            return null;
        }
        byte[] data = in.readNBytes(length + 2);
        return new String(data, 0, length, StandardCharsets.UTF_8);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\r') {
                in.read();
                return line.toString();
            }
            line.append((char) c);
        }
        throw new IOException("connection closed");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
