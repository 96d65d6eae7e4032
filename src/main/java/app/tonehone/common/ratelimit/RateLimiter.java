package app.tonehone.common.ratelimit;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Fixed-window rate limits shared by all replicas through Redis (one atomic script call per
 * check). When Redis fails or is slow, the same limits are enforced per instance in memory
 * ({@link LocalWindowCounter}) until Redis answers again: the limiter never fails open.
 * Keys hold a hash of what they limit, never an email or address in clear.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    /** INCR, set the window's expiry on the first hit, answer {count, milliseconds left}. */
    private static final String SCRIPT = """
            local n = redis.call('INCR', KEYS[1])
            local ttl = redis.call('PTTL', KEYS[1])
            if n == 1 or ttl < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              ttl = tonumber(ARGV[1])
            end
            return {n, ttl}""";

    public record Decision(boolean allowed, long retryAfterMillis) {
    }

    private final ReactiveRedisDataSource redis;
    private final RateLimitConfig config;
    private final LocalWindowCounter fallback;
    private volatile long skipRedisUntil;

    RateLimiter(ReactiveRedisDataSource redis, RateLimitConfig config) {
        this.redis = redis;
        this.config = config;
        this.fallback = new LocalWindowCounter(config.fallbackMaxKeys(), System::currentTimeMillis);
    }

    /**
     * Counts one request against {@code limit} per {@code window} for ({@code scope},
     * {@code subject}); fails with {@link RateLimitedException} when over.
     */
    public Uni<Void> enforce(String scope, String subject, int limit, Duration window) {
        return check(scope, subject, limit, window).chain(decision -> decision.allowed()
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(new RateLimitedException(Math.ceilDiv(decision.retryAfterMillis(), 1000))));
    }

    public Uni<Decision> check(String scope, String subject, int limit, Duration window) {
        String key = "rl:" + scope + ":" + digest(subject);
        long windowMillis = window.toMillis();
        if (System.currentTimeMillis() < skipRedisUntil) {
            return Uni.createFrom().item(() -> fallback.hit(key, limit, windowMillis));
        }
        return redis.execute("EVAL", SCRIPT, "1", key, Long.toString(windowMillis))
                .ifNoItem().after(config.redisTimeout()).fail()
                .map(reply -> decide(reply, limit))
                .onFailure().recoverWithItem(failure -> {
                    skipRedisUntil = System.currentTimeMillis() + config.redisRetryAfter().toMillis();
                    LOG.warnf("Redis unavailable for rate limits (%s); limiting in memory for %s",
                            failure.getClass().getSimpleName(), config.redisRetryAfter());
                    return fallback.hit(key, limit, windowMillis);
                });
    }

    private static Decision decide(Response reply, int limit) {
        long count = reply.get(0).toLong();
        long remaining = reply.get(1).toLong();
        return new Decision(count <= limit, remaining);
    }

    private static String digest(String subject) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(subject.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
