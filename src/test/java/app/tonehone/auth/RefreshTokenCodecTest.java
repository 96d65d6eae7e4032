package app.tonehone.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefreshTokenCodecTest {

    @Test
    void aTokenNamesItsUserAndHashesTheSame() {
        UUID user = UUID.randomUUID();
        RefreshTokenCodec.Issued issued = RefreshTokenCodec.issue(user);
        assertThat(issued.token()).hasSize(64).matches("[A-Za-z0-9_-]+");
        RefreshTokenCodec.Decoded decoded = RefreshTokenCodec.decode(issued.token()).orElseThrow();
        assertThat(decoded.userId()).isEqualTo(user);
        assertThat(decoded.hash()).isEqualTo(issued.hash()).hasSize(32);
        assertThat(RefreshTokenCodec.issue(user).token()).isNotEqualTo(issued.token());
    }

    @Test
    void anythingElseIsRejected() {
        for (String bad : new String[] {null, "", "short", "!".repeat(64), "A".repeat(63), "A".repeat(65),
                "A".repeat(62) + "=="}) {
            assertThat(RefreshTokenCodec.decode(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }
}
