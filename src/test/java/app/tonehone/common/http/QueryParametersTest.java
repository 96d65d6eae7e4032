package app.tonehone.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.tonehone.common.error.InvalidFieldsException;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

    @Test
    void readsIntegersInRangeAndDefaults() {
        assertThat(QueryParameters.integer("limit", "1", 1, 200, 50)).isEqualTo(1);
        assertThat(QueryParameters.integer("limit", "200", 1, 200, 50)).isEqualTo(200);
        assertThat(QueryParameters.integer("limit", null, 1, 200, 50)).isEqualTo(50);
        assertThat(QueryParameters.integer("limit", "", 1, 200, 50)).isEqualTo(50);
    }

    @Test
    void anythingElseIs400NamingTheParameter() {
        for (String bad : new String[] {"0", "201", "-1", "abc", "1.5", "1e2", " 5", "99999999999", "+5", "0x10"}) {
            assertThatThrownBy(() -> QueryParameters.integer("limit", bad, 1, 200, 50)).as(bad)
                    .isInstanceOfSatisfying(InvalidFieldsException.class, e -> {
                        assertThat(e.errors().getFirst().field()).isEqualTo("limit");
                        assertThat(e.errors().getFirst().message()).isEqualTo("must be an integer from 1 to 200");
                    });
        }
    }

    @Test
    void aRequiredParameterMustBePresent() {
        assertThat(QueryParameters.integerError("formality", null, 1, 10, null).message()).isEqualTo("is required");
        assertThat(QueryParameters.integerError("formality", "", 1, 10, null).message()).isEqualTo("is required");
        assertThat(QueryParameters.integerError("formality", "4", 1, 10, null)).isNull();
    }
}
