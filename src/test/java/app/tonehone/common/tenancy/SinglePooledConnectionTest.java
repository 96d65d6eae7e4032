package app.tonehone.common.tenancy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import app.tonehone.support.TestDatabase;
import app.tonehone.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * With one pooled connection, every request of every user shares it: the user set by one
 * transaction must never be seen by the next, whoever's it is.
 */
@QuarkusTest
@TestProfile(SinglePooledConnectionTest.OneConnection.class)
class SinglePooledConnectionTest {

    public static class OneConnection implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.max-size", "1");
        }
    }

    @Inject
    Pool pool;

    @Test
    void alternatingUsersThroughTheServiceNeverSeeEachOther() {
        UUID alice = TestDatabase.createUser("alice");
        UUID bob = TestDatabase.createUser("bob");
        for (int i = 0; i < 20; i++) {
            UUID user = i % 2 == 0 ? alice : bob;
            given().auth().oauth2(TestTokens.accessToken(user)).when().get("/api/v1/me").then()
                    .statusCode(200).body("id", equalTo(user.toString()));
        }
    }

    @Test
    void theSettingDoesNotOutliveItsTransactionOnTheSharedConnection() {
        UUID alice = TestDatabase.createUser("alice");
        UUID bob = TestDatabase.createUser("bob");
        TestDatabase.createConversation(alice, "Sam", 2);
        TestDatabase.createConversation(bob, "Alex", 1);
        for (int i = 0; i < 10; i++) {
            UUID user = i % 2 == 0 ? alice : bob;
            String seen = pool.withTransaction(connection -> connection
                            .preparedQuery("select set_config('app.user_id', $1, true)").execute(io.vertx.mutiny.sqlclient.Tuple.of(user.toString()))
                            .chain(() -> connection.query("select string_agg(distinct user_id::text, ',') from conversations").execute()))
                    .map(rows -> rows.iterator().next().getString(0))
                    .await().atMost(Duration.ofSeconds(10));
            assertThat(seen).isEqualTo(user.toString());
            // Next use of the one connection, outside any tenant transaction: nothing.
            Row after = pool.query("select count(*), current_setting('app.user_id', true) from conversations").execute()
                    .await().atMost(Duration.ofSeconds(10)).iterator().next();
            assertThat(after.getLong(0)).isZero();
            assertThat(after.getString(1)).isEmpty();
        }
    }
}
