package app.tonehone.common.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Every limit: how many requests per window. Benchmarks raise them through configuration. */
@ConfigMapping(prefix = "tonehone.rate-limits")
public interface RateLimitConfig {

    /** Login attempts for one email address, whoever sends them. */
    @WithDefault("10")
    int loginPerEmail();

    /** Login attempts from one client address. */
    @WithDefault("30")
    int loginPerAddress();

    @WithDefault("PT15M")
    Duration loginWindow();

    /** Registrations from one client address. */
    @WithDefault("10")
    int registerPerAddress();

    @WithDefault("PT1H")
    Duration registerWindow();

    /** Authenticated requests of one user, all endpoints together. */
    @WithDefault("600")
    int requestsPerUser();

    @WithDefault("PT1M")
    Duration requestsWindow();

    /** Token refreshes from one client address. */
    @WithDefault("60")
    int refreshPerAddress();

    @WithDefault("PT15M")
    Duration refreshWindow();

    /** How long one Redis call may take before the in-memory fallback decides. */
    @WithDefault("PT0.25S")
    Duration redisTimeout();

    /** After a Redis failure, how long to use only the in-memory fallback before trying Redis again. */
    @WithDefault("PT5S")
    Duration redisRetryAfter();

    /** Most keys the in-memory fallback tracks; past it new keys are refused, never let through. */
    @WithDefault("100000")
    int fallbackMaxKeys();
}
