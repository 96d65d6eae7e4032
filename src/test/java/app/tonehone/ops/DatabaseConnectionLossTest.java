package app.tonehone.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import app.tonehone.common.error.Problem;
import app.tonehone.common.error.UnexpectedProblemMapper;
import app.tonehone.support.TestDatabase;
import app.tonehone.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.pgclient.PgException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

/**
 * What a PostgreSQL restart does to the service's pooled connections, done here by
 * terminating them five times while clients post and read: every answer is a success
 * or a 503 with Retry-After (never a 500), and posts retried with their Idempotency-Key are
 * stored exactly once, the counters matching the rows. bench/faults/run.sh does the real
 * restart under load.
 */
@QuarkusTest
class DatabaseConnectionLossTest {

    private static int terminateTheServicesConnections() throws Exception {
        try (Connection connection = TestDatabase.asRequestRole()) {
            return Integer.parseInt(TestDatabase.query(connection, "select count(pg_terminate_backend(pid))"
                    + " from pg_stat_activity where usename = current_user and pid <> pg_backend_pid()").getFirst());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts {@code count} messages, each retried with its key while the answer is a 503; returns the acknowledged ids. */
    private static List<String> post(String token, String messages, String label, int count) {
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = UUID.randomUUID().toString();
            Response post = null;
            for (int attempt = 0; attempt < 20; attempt++) {
                post = given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key)
                        .body(Map.of("speaker", "user", "content", label + " " + i)).when().post(messages);
                if (post.statusCode() != 503) {
                    break;
                }
                assertThat(post.contentType()).startsWith(Problem.MEDIA_TYPE);
                assertThat(post.header("Retry-After")).isEqualTo("1");
                sleep(100); // sooner than Retry-After asks: the test has no second to spare
            }
            assertThat(post.statusCode()).as(post.asString()).isEqualTo(201);
            acknowledged.add(post.path("id"));
            assertThat(given().auth().oauth2(token).when().get(messages).statusCode()).isIn(200, 503);
        }
        return acknowledged;
    }

    @Test
    void connectionsTerminatedUnderLoadCostRetriesNeverWrites() throws Exception {
        UUID user = TestDatabase.createUser("connection-loss");
        String token = TestTokens.accessToken(user);
        String conversation = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("personName", "Pat"))
                .when().post("/api/v1/conversations").then().statusCode(201).extract().path("id");
        String messages = "/api/v1/conversations/" + conversation + "/messages";
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> work = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                String label = "client " + c;
                work.add(clients.submit(() -> post(token, messages, label, 15)));
            }
            // Five "restarts" while the clients work (a real restart drops every connection once).
            int terminated = 0;
            for (int restart = 0; restart < 5; restart++) {
                sleep(200);
                terminated += terminateTheServicesConnections();
            }
            assertThat(terminated).isPositive();
            for (Future<List<String>> client : work) {
                acknowledged.addAll(client.get());
            }
        } finally {
            clients.shutdownNow();
        }
        Response page = given().auth().oauth2(token).queryParam("limit", 200).when().get(messages);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.jsonPath().getList("items.id", String.class)).hasSize(60).containsExactlyInAnyOrderElementsOf(acknowledged);
        assertThat(TestDatabase.ownerQuery("select message_count || '/' || (select count(*) from messages m"
                + " where m.conversation_id = c.id) from conversations c where id = ?::uuid", conversation))
                .containsExactly("60/60");
    }

    /** The mapping itself, for a connection lost under a request in flight (the bench saw these as 500s). */
    @Test
    void aLostConnectionIsA503WithRetryAfterAndABugStaysA500() {
        var response = new UnexpectedProblemMapper().map(new HibernateException(new CompletionException(
                new PgException("not shown", "FATAL", "57P01", null))));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(new UnexpectedProblemMapper().map(new IllegalStateException()).getStatus()).isEqualTo(500);
    }
}
