package app.tonehone.common.pagination;

import app.tonehone.common.error.InvalidFieldsException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, signed keyset cursors. A cursor carries the sort key of the last item of a page (a
 * list of strings, e.g. {@code [lower(name), id]}) and is
 * {@code base64url(version byte | HMAC-SHA256 | payload)}, where the payload is the JSON array
 * of those strings and the MAC covers the version, the {@link CursorScope} (user, endpoint,
 * order, filters) and the payload. The scope itself is not in the cursor: a cursor presented
 * in another scope simply fails the MAC check. Anything that fails (forged, altered,
 * truncated, foreign, or another format) is a 400 naming {@code cursor}.
 *
 * <p>Cursors are not encrypted: the client may decode its own sort keys, which are its own data.
 * They do not expire; rotating the key invalidates all of them.
 */
@Startup
@Singleton
public class CursorCodec {

    static final byte VERSION = 1;
    static final int MIN_KEY_BYTES = 32;
    static final int MAX_CURSOR_LENGTH = 2048;
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 32;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final SecretKeySpec key;

    @Inject
    CursorCodec(CursorConfig config) {
        this(config.signingKey());
    }

    CursorCodec(String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("tonehone.cursor.signing-key is not valid base64");
        }
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("tonehone.cursor.signing-key must be at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    /** The cursor that continues {@code scope} after the item whose sort key is {@code keyValues}. */
    public String encode(CursorScope scope, List<String> keyValues) {
        byte[] payload = toJson(keyValues);
        byte[] mac = mac(scope, payload);
        ByteBuffer cursor = ByteBuffer.allocate(1 + MAC_BYTES + payload.length).put(VERSION).put(mac).put(payload);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.array());
    }

    /** The sort key a cursor carries, if it was signed by this service for exactly {@code scope}; else 400. */
    public List<String> decode(CursorScope scope, String cursor) {
        if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_CURSOR_LENGTH) {
            throw invalid();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (bytes.length <= 1 + MAC_BYTES || bytes[0] != VERSION) {
            throw invalid();
        }
        byte[] mac = Arrays.copyOfRange(bytes, 1, 1 + MAC_BYTES);
        byte[] payload = Arrays.copyOfRange(bytes, 1 + MAC_BYTES, bytes.length);
        if (!MessageDigest.isEqual(mac, mac(scope, payload))) {
            throw invalid();
        }
        try {
            return List.copyOf(JSON.readValue(payload, STRINGS));
        } catch (IOException | NullPointerException e) {
            throw invalid();
        }
    }

    /**
     * The position a cursor carries, read by {@code position} from its sort key; 400 when the
     * cursor is not valid for {@code scope} or {@code position} throws (not a position of this list).
     */
    public <P> P decode(CursorScope scope, String cursor, Function<List<String>, P> position) {
        List<String> sortKey = decode(scope, cursor);
        try {
            return position.apply(sortKey);
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    /**
     * The page made of {@code rows}, fetched with {@code limit + 1} so that a row beyond the page
     * tells that there is a next one; its cursor continues after the page's last row.
     */
    public <T> Page<T> page(CursorScope scope, List<T> rows, int limit, Function<T, List<String>> sortKey) {
        if (rows.size() <= limit) {
            return new Page<>(List.copyOf(rows), null);
        }
        List<T> items = List.copyOf(rows.subList(0, limit));
        return new Page<>(items, encode(scope, sortKey.apply(items.getLast())));
    }

    private byte[] mac(CursorScope scope, byte[] payload) {
        List<Object> signed = new ArrayList<>();
        signed.add("tonehone-cursor");
        signed.add(VERSION);
        signed.add(scope.userId().toString());
        signed.add(scope.endpoint());
        signed.add(scope.order());
        for (Map.Entry<String, String> filter : scope.filters().entrySet()) {
            signed.add(List.of(filter.getKey(), filter.getValue()));
        }
        try {
            Mac hmac = Mac.getInstance(ALGORITHM);
            hmac.init(key);
            // Both parts are JSON documents, so their concatenation is unambiguous.
            hmac.update(toJson(signed));
            return hmac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    private static byte[] toJson(Object value) {
        try {
            return JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InvalidFieldsException invalid() {
        return InvalidFieldsException.of("cursor", "is not a cursor of this list; start again without one");
    }
}
