package app.tonehone.common.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidV7Test {

    @Test
    void carriesVersion7TheRfcVariantAndTheMillisecond() {
        long now = 1_796_400_000_000L;
        UUID id = UuidV7.at(now);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(now);
    }

    @Test
    void laterMillisecondsSortLater() {
        UUID earlier = UuidV7.at(1_000_000L);
        UUID later = UuidV7.at(1_000_001L);
        // PostgreSQL compares uuids as unsigned bytes; so does this string comparison.
        assertThat(earlier.toString()).isLessThan(later.toString());
    }

    @Test
    void isUniqueAcrossManyCallsInOneMillisecond() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(UuidV7.at(42L));
        }
        assertThat(ids).hasSize(100_000);
    }
}
