package app.tonehone.common.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Fixed-window counters in this instance's memory: what the limiter uses while Redis is
 * unreachable. Each replica then enforces the limits on its own, so a client spread over n
 * replicas may get up to n times the limit: degraded, but never open. Bounded: when full
 * even after dropping expired windows, a new key is refused.
 */
final class LocalWindowCounter {

    record Window(long startMillis, long lengthMillis, int count) {
        boolean expired(long now) {
            return now >= startMillis + lengthMillis;
        }
    }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final int maxKeys;
    private final LongSupplier clock;

    LocalWindowCounter(int maxKeys, LongSupplier clock) {
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /** Counts one request; returns the decision. */
    RateLimiter.Decision hit(String key, int limit, long windowMillis) {
        long now = clock.getAsLong();
        if (windows.size() >= maxKeys && !windows.containsKey(key)) {
            windows.values().removeIf(window -> window.expired(now));
            if (windows.size() >= maxKeys) {
                return new RateLimiter.Decision(false, windowMillis);
            }
        }
        Window window = windows.compute(key, (k, current) -> current == null || current.expired(now)
                ? new Window(now, windowMillis, 1)
                : new Window(current.startMillis(), current.lengthMillis(), current.count() + 1));
        long remaining = window.startMillis() + window.lengthMillis() - now;
        return new RateLimiter.Decision(window.count() <= limit, remaining);
    }

    int size() {
        return windows.size();
    }
}
