package app.tonehone.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LocalWindowCounterTest {

    private final AtomicLong now = new AtomicLong(1_000_000);

    @Test
    void allowsTheLimitPerWindowThenRefusesUntilItEnds() {
        LocalWindowCounter counter = new LocalWindowCounter(100, now::get);
        for (int i = 0; i < 3; i++) {
            assertThat(counter.hit("k", 3, 60_000).allowed()).isTrue();
        }
        RateLimiter.Decision refused = counter.hit("k", 3, 60_000);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterMillis()).isEqualTo(60_000);
        now.addAndGet(59_999);
        assertThat(counter.hit("k", 3, 60_000).allowed()).isFalse();
        now.addAndGet(1);
        assertThat(counter.hit("k", 3, 60_000).allowed()).isTrue();
        assertThat(counter.hit("other", 3, 60_000).allowed()).isTrue();
    }

    @Test
    void whenFullItDropsExpiredWindowsAndOtherwiseRefusesNewKeys() {
        LocalWindowCounter counter = new LocalWindowCounter(2, now::get);
        counter.hit("a", 10, 1_000);
        counter.hit("b", 10, 5_000);
        assertThat(counter.hit("c", 10, 1_000).allowed()).isFalse();
        now.addAndGet(1_000);
        assertThat(counter.hit("c", 10, 1_000).allowed()).isTrue();
        assertThat(counter.size()).isEqualTo(2);
        assertThat(counter.hit("b", 10, 5_000).allowed()).isTrue();
    }
}
