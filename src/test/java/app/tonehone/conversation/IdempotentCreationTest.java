package app.tonehone.conversation;

import static app.tonehone.conversation.ConversationResourceTest.CONVERSATIONS;
import static app.tonehone.conversation.ConversationResourceTest.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import app.tonehone.common.error.Problem;
import app.tonehone.support.TestDatabase;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on a creating POST: replay, conflict, concurrency, and no reliance on Redis. */
@QuarkusTest
class IdempotentCreationTest {

    @Inject
    RedisDataSource redis;

    private static Response post(UUID user, String key, Object body) {
        var request = as(user).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.when().post(CONVERSATIONS);
    }

    private static String count(UUID user) {
        return TestDatabase.ownerQuery("select count(*) from conversations where user_id = ?", user).getFirst();
    }

    @Test
    void aRetryReplaysTheFirstResponseAndCreatesNothing() {
        UUID user = TestDatabase.createUser("retry");
        String key = UUID.randomUUID().toString();
        Response first = post(user, key, Map.of("personName", "Sam"));
        first.then().statusCode(201);
        redis.flushall();
        Response again = post(user, key, Map.of("personName", "Sam"));
        again.then().statusCode(201).header("Location", first.header("Location"));
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(count(user)).isEqualTo("1");
        // Without a key every POST creates.
        post(user, null, Map.of("personName", "Sam")).then().statusCode(201);
        assertThat(count(user)).isEqualTo("2");
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        UUID user = TestDatabase.createUser("conflict");
        String key = UUID.randomUUID().toString();
        post(user, key, Map.of("personName", "Sam")).then().statusCode(201);
        post(user, key, Map.of("personName", "Alex")).then().statusCode(422).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(422));
        assertThat(count(user)).isEqualTo("1");
    }

    @Test
    void keysBelongToTheirUserAndFailedRequestsStoreNothing() {
        UUID alice = TestDatabase.createUser("alice");
        UUID bob = TestDatabase.createUser("bob");
        String key = UUID.randomUUID().toString();
        post(alice, key, Map.of("personName", "x".repeat(300))).then().statusCode(400);
        post(alice, key, Map.of("personName", "Sam")).then().statusCode(201);
        post(bob, key, Map.of("personName", "Sam")).then().statusCode(201);
        assertThat(count(alice)).isEqualTo("1");
        assertThat(count(bob)).isEqualTo("1");
    }

    @Test
    void malformedKeysAre400() {
        UUID user = TestDatabase.createUser("badkey");
        post(user, "k".repeat(256), Map.of("personName", "Sam")).then().statusCode(400);
        post(user, "with space", Map.of("personName", "Sam")).then().statusCode(400);
        assertThat(count(user)).isEqualTo("0");
    }

    @Test
    void concurrentDuplicatesExecuteOnce() throws Exception {
        UUID user = TestDatabase.createUser("parallel");
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Response>> responses = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                responses.add(pool.submit((Callable<Response>) () -> post(user, key, Map.of("personName", "Sam"))));
            }
            List<String> locations = new ArrayList<>();
            for (Future<Response> response : responses) {
                Response r = response.get();
                assertThat(r.statusCode()).isEqualTo(201);
                locations.add(r.header("Location"));
            }
            assertThat(locations).containsOnly(locations.getFirst());
        } finally {
            pool.shutdownNow();
        }
        assertThat(count(user)).isEqualTo("1");
    }
}
