package app.tonehone.tone;

import static app.tonehone.tone.ToneProfilesApi.ONE;
import static app.tonehone.tone.ToneProfilesApi.PROFILES;
import static app.tonehone.tone.ToneProfilesApi.as;
import static app.tonehone.tone.ToneProfilesApi.body;
import static app.tonehone.tone.ToneProfilesApi.create;
import static app.tonehone.tone.ToneProfilesApi.stored;
import static org.assertj.core.api.Assertions.assertThat;

import app.tonehone.common.http.MergePatch;
import app.tonehone.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Many phones at once: the cap and If-Match hold under concurrent requests, and writes to one profile take turns. */
@QuarkusTest
class ToneProfileConcurrencyTest {

    private static final int REQUESTS = 12;

    @Test
    void concurrentCreationsStopExactlyAtTheCap() throws Exception {
        UUID user = TestDatabase.createUser("racer");
        TestDatabase.ownerExecute("insert into tone_profiles (id, user_id, name, playfulness, formality, forwardness,"
                + " expressiveness) select gen_random_uuid(), ?, 'profile ' || g, 5, 5, 5, 5 from generate_series(1, 95) g", user);
        List<Integer> statuses = all(i -> as(user).contentType(ContentType.JSON).body(body("racer " + i, 5, 5, 5, 5))
                .when().post(PROFILES).then().extract().statusCode());
        assertThat(statuses).containsOnly(201, 409);
        assertThat(Collections.frequency(statuses, 201)).isEqualTo(5);
        assertThat(TestDatabase.ownerQuery("select count(*) from tone_profiles where user_id = ?", user)).containsExactly("100");
    }

    @Test
    void ofConcurrentWritesWithTheSameIfMatchExactlyOneWins() throws Exception {
        UUID user = TestDatabase.createUser("phones");
        String id = create(user, "Contested", 5, 5, 5, 5);
        List<Integer> statuses = all(i -> as(user).header("If-Match", "\"1\"").contentType(MergePatch.MEDIA_TYPE)
                .body("{\"playfulness\":" + (1 + i % 10) + "}")
                .when().patch(ONE, id).then().extract().statusCode());
        assertThat(statuses).containsOnly(200, 412);
        assertThat(Collections.frequency(statuses, 200)).isEqualTo(1);
        assertThat(stored(id)).endsWith(",2");
    }

    @Test
    void concurrentUnconditionalWritesAllApplyOneAfterAnother() throws Exception {
        UUID user = TestDatabase.createUser("phones");
        String id = create(user, "Busy", 5, 5, 5, 5);
        List<Integer> statuses = all(i -> as(user).contentType(MergePatch.MEDIA_TYPE)
                .body("{\"formality\":" + (1 + i % 10) + "}")
                .when().patch(ONE, id).then().extract().statusCode());
        assertThat(statuses).containsOnly(200);
        assertThat(stored(id)).endsWith("," + (1 + REQUESTS));
    }

    /** Runs {@value #REQUESTS} requests at once; their status codes. */
    private static List<Integer> all(IntFunction<Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                int n = i;
                Callable<Integer> call = () -> {
                    start.await();
                    return request.apply(n);
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
