package app.tonehone.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** At the production cost (19 MiB, 2 passes): the tests of the service run a cheaper one. */
class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(19456, 2, 1);

    @Test
    void hashesInPhcFormatAndVerifies() {
        String phc = hasher.hash("correct horse battery");
        assertThat(phc).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hasher.verify("correct horse battery", phc)).isTrue();
        assertThat(hasher.verify("correct horse batterY", phc)).isFalse();
        assertThat(hasher.hash("correct horse battery")).isNotEqualTo(phc);
    }

    @Test
    void hasNoLengthCutOffUnlikeBcrypt() {
        String prefix = "p".repeat(100);
        String phc = hasher.hash(prefix + "A");
        assertThat(hasher.verify(prefix + "B", phc)).isFalse();
        assertThat(hasher.verify("pässwörd-ünïcödé-😀", hasher.hash("pässwörd-ünïcödé-😀"))).isTrue();
    }

    @Test
    void oldCheaperHashesStillVerifyAndAskForARehash() {
        PasswordHasher cheap = new PasswordHasher(1024, 1, 1);
        String old = cheap.hash("secret password");
        assertThat(hasher.verify("secret password", old)).isTrue();
        assertThat(hasher.needsRehash(old)).isTrue();
        assertThat(hasher.needsRehash(hasher.hash("secret password"))).isFalse();
    }

    @Test
    void unreadableHashesNeverVerify() {
        for (String broken : new String[] {null, "", "plain", "$2a$10$abcdefghijklmnopqrstuv",
                "$argon2id$v=19$m=x,t=2,p=1$c2FsdA$aGFzaA", "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA",
                "$argon2id$v=19$m=1,t=2,p=1$c2FsdHNhbHQ$aGFzaA"}) {
            assertThat(hasher.verify("anything", broken)).as(String.valueOf(broken)).isFalse();
            assertThat(hasher.needsRehash(broken)).isTrue();
        }
    }
}
