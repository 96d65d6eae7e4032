package app.tonehone.common.idempotency;

import app.tonehone.common.error.ApiException;
import app.tonehone.common.error.InvalidFieldsException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for creating POSTs, decided by PostgreSQL alone. Inside the
 * request's tenant transaction, the key is inserted first: a new key runs the work and stores
 * its response before the commit; a known key with the same request replays the stored
 * response; with another request it is a 422. A concurrent duplicate blocks on the key's
 * primary key until the first transaction ends, then replays its response, so duplicates never
 * both execute. Only successful creations are stored: a failed one rolls back with its key.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;

    private final ObjectMapper json;

    Idempotency(ObjectMapper json) {
        this.json = json;
    }

    /** The key of a request, checked; null when the client sent none. */
    public static String key(String header) {
        if (header == null) {
            return null;
        }
        if (header.isBlank() || header.length() > MAX_KEY_LENGTH || !header.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw InvalidFieldsException.of(HEADER, "must be 1 to 255 visible ASCII characters");
        }
        return header;
    }

    /**
     * Runs {@code work} once per {@code key}; call inside a tenant transaction. {@code request}
     * identifies what was asked (endpoint and parsed body); {@code work} answers the status,
     * Location and entity to send.
     */
    public Uni<StoredResponse> once(UUID userId, String key, String endpoint, Object request,
                                    Supplier<Uni<Created>> work) {
        if (key == null) {
            return work.get().map(this::store);
        }
        byte[] hash = hash(endpoint, request);
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into idempotency_keys (user_id, idempotency_key, request_hash) values (?1, ?2, ?3)
                        on conflict (user_id, idempotency_key) do nothing""")
                .setParameter(1, userId).setParameter(2, key).setParameter(3, hash)
                .executeUpdate())
                .chain(inserted -> inserted == 1
                        ? work.get().map(this::store).call(response -> complete(userId, key, response))
                        : replay(userId, key, hash));
    }

    /** What a creation answers, before it is serialised. */
    public record Created(int status, String location, Object entity) {
    }

    private StoredResponse store(Created created) {
        try {
            return new StoredResponse(created.status(), created.location(), json.writeValueAsString(created.entity()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
    }

    private Uni<Integer> complete(UUID userId, String key, StoredResponse response) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update idempotency_keys set response_status = ?3, response_location = ?4, response_body = ?5
                        where user_id = ?1 and idempotency_key = ?2""")
                .setParameter(1, userId).setParameter(2, key).setParameter(3, (short) response.status())
                .setParameter(4, response.location()).setParameter(5, response.body())
                .executeUpdate());
    }

    private Uni<StoredResponse> replay(UUID userId, String key, byte[] hash) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select request_hash, response_status, response_location, response_body
                        from idempotency_keys where user_id = ?1 and idempotency_key = ?2""", Object[].class)
                .setParameter(1, userId).setParameter(2, key)
                .getResultList())
                .map((List<Object[]> rows) -> {
                    Object[] row = rows.getFirst();
                    if (!MessageDigest.isEqual((byte[]) row[0], hash)) {
                        throw new ApiException(422, "This Idempotency-Key was used for a different request");
                    }
                    return new StoredResponse(((Number) row[1]).intValue(), (String) row[2], (String) row[3]);
                });
    }

    private byte[] hash(String endpoint, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(endpoint.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(json.writeValueAsBytes(request));
            return digest.digest();
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
