package app.tonehone.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.tonehone.common.error.ApiException;
import app.tonehone.common.error.InvalidFieldsException;
import org.junit.jupiter.api.Test;

class IfMatchTest {

    @Test
    void tagsAreTheQuotedVersion() {
        assertThat(IfMatch.tag(3).toString()).isEqualTo("\"3\"");
        assertThat(IfMatch.tag(3).isWeak()).isFalse();
    }

    @Test
    void noHeaderIsUnconditional() {
        assertThat(IfMatch.parse(null).isPresent()).isFalse();
        assertThat(IfMatch.parse("  ").isPresent()).isFalse();
        assertThatCode(() -> IfMatch.parse(null).check(7)).doesNotThrowAnyException();
    }

    @Test
    void aStarMatchesAnyVersion() {
        IfMatch any = IfMatch.parse("*");
        assertThat(any.isPresent()).isTrue();
        assertThatCode(() -> any.check(1)).doesNotThrowAnyException();
        assertThatCode(() -> any.check(99)).doesNotThrowAnyException();
    }

    @Test
    void oneOfTheListedStrongTagsMustMatch() {
        assertThatCode(() -> IfMatch.parse("\"3\"").check(3)).doesNotThrowAnyException();
        assertThatCode(() -> IfMatch.parse("\"1\", \"3\"").check(3)).doesNotThrowAnyException();
        assertThatCode(() -> IfMatch.parse("\"1\",\"3\"").check(1)).doesNotThrowAnyException();
        expectPreconditionFailed("\"2\"", 3);
        expectPreconditionFailed("\"1\", \"2\"", 3);
        // Weak tags never match under the strong comparison If-Match uses.
        expectPreconditionFailed("W/\"3\"", 3);
        expectPreconditionFailed("\"03\"", 3);
    }

    @Test
    void malformedHeadersAre400NamingTheHeader() {
        for (String malformed : new String[] {"3", "\"3", "\"3\" \"4\"", "\"3\",", "W/3", "**", "\"3\";x"}) {
            assertThatThrownBy(() -> IfMatch.parse(malformed)).as(malformed)
                    .isInstanceOfSatisfying(InvalidFieldsException.class,
                            e -> assertThat(e.errors().getFirst().field()).isEqualTo("If-Match"));
        }
    }

    private static void expectPreconditionFailed(String header, long version) {
        assertThatThrownBy(() -> IfMatch.parse(header).check(version)).as(header)
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(412));
    }
}
