package app.tonehone.conversation;

import static app.tonehone.conversation.ConversationResourceTest.CONVERSATIONS;
import static app.tonehone.conversation.ConversationResourceTest.as;
import static app.tonehone.conversation.ConversationResourceTest.createConversation;
import static app.tonehone.support.MessagePages.walk;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import app.tonehone.common.error.Problem;
import app.tonehone.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * POST /conversations/{id}/archive and /restore: messages move to cold storage and back
 * whole (ids, seq, gaps, marks, timestamps), stay readable in between and refuse writes,
 * and concurrent writers never lose or duplicate an acknowledged message.
 */
@QuarkusTest
class ConversationArchiveTest {

    private static String messages(String conversation) {
        return CONVERSATIONS + "/" + conversation + "/messages";
    }

    private static Response archive(UUID user, String conversation) {
        return as(user).when().post(CONVERSATIONS + "/" + conversation + "/archive");
    }

    private static Response restore(UUID user, String conversation) {
        return as(user).when().post(CONVERSATIONS + "/" + conversation + "/restore");
    }

    private static Map<String, Object> message(int n) {
        Map<String, Object> message = new HashMap<>();
        message.put("speaker", n % 3 == 0 ? "user" : "them");
        message.put("content", "message " + n + (n % 5 == 0 ? " 😊 ça va? Ünïcödé" : ""));
        if (n % 4 == 0) {
            message.put("source", "ocr");
            message.put("ocrConfidence", 0.87);
        }
        if (n % 7 == 0) {
            message.put("messageTimestamp", "2024-06-01T20:15:00.123456Z");
        }
        return message;
    }

    private static String idOf(UUID user, String conversation, int seq) {
        return as(user).queryParam("order", "asc").queryParam("afterSeq", seq - 1).queryParam("limit", 1)
                .when().get(messages(conversation)).then().statusCode(200).body("items[0].seq", equalTo(seq))
                .extract().path("items[0].id");
    }

    private static String stored(String conversation) {
        return TestDatabase.ownerQuery("""
                select (select count(*) from messages where conversation_id = c.id) || '/'
                    || (select count(*) from archived_conversations where conversation_id = c.id) || '/'
                    || (select coalesce(sum(message_count), 0) from archived_conversations where conversation_id = c.id)
                from conversations c where id = ?::uuid""", conversation).getFirst();
    }

    @Test
    void archivedMessagesMoveToColdStorageStayReadableAndComeBackWhole() {
        UUID user = TestDatabase.createUser("archive");
        String conversation = createConversation(user, "Robin");
        for (int first = 1; first <= 2500; first += 1000) {
            List<Map<String, Object>> batch = IntStream.range(first, Math.min(first + 1000, 2501))
                    .mapToObj(ConversationArchiveTest::message).toList();
            as(user).contentType(ContentType.JSON).body(Map.of("messages", batch)).when().post(messages(conversation) + "/batch")
                    .then().statusCode(201);
        }
        as(user).contentType(ContentType.JSON).body(Map.of("isKeyMoment", true, "effectivenessScore", 4))
                .when().patch(messages(conversation) + "/" + idOf(user, conversation, 1200)).then().statusCode(200);
        // Gaps: seq 10 through the API, and a run of 300 in the middle (wider than a page's
        // first window), so pages cross them in both stores.
        as(user).when().delete(messages(conversation) + "/" + idOf(user, conversation, 10)).then().statusCode(204);
        TestDatabase.ownerExecute("delete from messages where conversation_id = ?::uuid and seq between 1301 and 1600", conversation);
        TestDatabase.ownerExecute("update conversations set message_count = message_count - 300 where id = ?::uuid", conversation);

        List<Map<String, Object>> desc = walk(user, conversation, "desc", null, 200);
        List<Map<String, Object>> asc = walk(user, conversation, "asc", null, 37);
        List<Map<String, Object>> after = walk(user, conversation, "asc", 2400, 50);
        assertThat(desc).hasSize(2199).isEqualTo(asc.reversed());
        assertThat(after).hasSize(100);
        Response read = as(user).when().get(CONVERSATIONS + "/" + conversation);
        JsonPath before = read.jsonPath();
        int version = Integer.parseInt(read.header("ETag").replace("\"", ""));

        archive(user, conversation).then().statusCode(200)
                .header("ETag", "\"" + (version + 1) + "\"")
                .body("archivedAt", notNullValue()).body("messageCount", equalTo(2199))
                .body("lastActivityAt", equalTo(before.getString("lastActivityAt")))
                .body("needsResponse", equalTo(before.getBoolean("needsResponse")));
        assertThat(stored(conversation)).isEqualTo("0/3/2199");
        assertThat(TestDatabase.ownerQuery("select string_agg(message_count::text, ',' order by chunk) from archived_conversations"
                + " where conversation_id = ?::uuid", conversation)).containsExactly("1000,1000,199");

        assertThat(walk(user, conversation, "desc", null, 200)).isEqualTo(desc);
        assertThat(walk(user, conversation, "desc", null, 113)).isEqualTo(desc);
        assertThat(walk(user, conversation, "asc", null, 37)).isEqualTo(asc);
        assertThat(walk(user, conversation, "asc", 2400, 50)).isEqualTo(after);
        as(user).when().get(CONVERSATIONS).then().body("items.id", not(hasItem(conversation)));
        as(user).queryParam("archived", "true").when().get(CONVERSATIONS).then().body("items.id", hasItem(conversation));
        as(user).when().get("/api/v1/dashboard").then().body("items.id", not(hasItem(conversation)));
        as(user).contentType(ContentType.JSON).body(Map.of("speaker", "them", "content", "still there?"))
                .when().post(messages(conversation)).then().statusCode(409).contentType(Problem.MEDIA_TYPE);

        restore(user, conversation).then().statusCode(200)
                .header("ETag", "\"" + (version + 2) + "\"")
                .body("archivedAt", nullValue()).body("messageCount", equalTo(2199))
                .body("lastActivityAt", equalTo(before.getString("lastActivityAt")));
        assertThat(stored(conversation)).isEqualTo("2199/0/0");
        assertThat(TestDatabase.ownerQuery("select restored_at is not null from conversations where id = ?::uuid", conversation))
                .containsExactly("t");
        assertThat(walk(user, conversation, "desc", null, 200)).isEqualTo(desc);
        assertThat(walk(user, conversation, "asc", null, 37)).isEqualTo(asc);
        assertThat(walk(user, conversation, "asc", 2400, 50)).isEqualTo(after);
        as(user).contentType(ContentType.JSON).body(Map.of("speaker", "user", "content", "back again"))
                .when().post(messages(conversation)).then().statusCode(201).body("seq", equalTo(2501));
        as(user).when().get(CONVERSATIONS + "/" + conversation).then().body("messageCount", equalTo(2200));
    }

    @Test
    void aSecondArchiveOrRestoreChangesNothingAndAnEmptyConversationMovesToo() {
        UUID user = TestDatabase.createUser("twice");
        String conversation = createConversation(user, "Kim");
        JsonPath first = archive(user, conversation).then().statusCode(200).body("archivedAt", notNullValue())
                .header("ETag", "\"2\"").extract().jsonPath();
        archive(user, conversation).then().statusCode(200).header("ETag", "\"2\"")
                .body("archivedAt", equalTo(first.getString("archivedAt")));
        as(user).queryParam("order", "asc").when().get(messages(conversation)).then().statusCode(200)
                .body("items.size()", equalTo(0)).body("nextCursor", nullValue());
        restore(user, conversation).then().statusCode(200).body("archivedAt", nullValue()).header("ETag", "\"3\"");
        restore(user, conversation).then().statusCode(200).body("archivedAt", nullValue()).header("ETag", "\"3\"");
        assertThat(stored(conversation)).isEqualTo("0/0/0");
    }

    @Test
    void nobodyElseCanArchiveOrRestoreAndDeletedOrUnknownConversationsAre404() {
        UUID alice = TestDatabase.createUser("alice");
        UUID bob = TestDatabase.createUser("bob");
        String conversation = createConversation(alice, "Alex");
        as(alice).contentType(ContentType.JSON).body(Map.of("speaker", "them", "content", "hey"))
                .when().post(messages(conversation)).then().statusCode(201);
        for (var call : List.<java.util.function.BiFunction<UUID, String, Response>>of(ConversationArchiveTest::archive,
                ConversationArchiveTest::restore)) {
            call.apply(bob, conversation).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
            call.apply(alice, UUID.randomUUID().toString()).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
            call.apply(alice, "not-a-uuid").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        }
        given().when().post(CONVERSATIONS + "/" + conversation + "/archive").then().statusCode(401);
        assertThat(stored(conversation)).isEqualTo("1/0/0");

        archive(alice, conversation).then().statusCode(200);
        restore(bob, conversation).then().statusCode(404);
        as(bob).when().get(messages(conversation)).then().statusCode(404);
        assertThat(stored(conversation)).isEqualTo("0/1/1");

        as(alice).when().delete(CONVERSATIONS + "/" + conversation).then().statusCode(204);
        restore(alice, conversation).then().statusCode(404);
        archive(alice, conversation).then().statusCode(404);
        as(alice).when().get(messages(conversation)).then().statusCode(404);
    }

    /**
     * Posts race an archive and then a restore: every post is either stored (201) or refused
     * (409), and afterwards exactly the acknowledged messages exist, once each, with the
     * counter matching the rows.
     */
    @Test
    void postsRacingAnArchiveAreEitherStoredOrRefusedNeverLost() throws Exception {
        UUID user = TestDatabase.createUser("race");
        String conversation = createConversation(user, "Jo");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> acknowledged = new ArrayList<>();
        try {
            List<Future<Response>> posts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                posts.add(pool.submit((Callable<Response>) () -> as(user).contentType(ContentType.JSON)
                        .body(Map.of("speaker", "them", "content", "race " + n)).when().post(messages(conversation))));
                if (i == 15) {
                    posts.add(pool.submit((Callable<Response>) () -> archive(user, conversation)));
                }
                if (i == 30) {
                    posts.add(pool.submit((Callable<Response>) () -> restore(user, conversation)));
                }
            }
            for (Future<Response> post : posts) {
                Response response = post.get();
                assertThat(response.statusCode()).isIn(200, 201, 409);
                if (response.statusCode() == 201) {
                    acknowledged.add(response.path("id"));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        restore(user, conversation).then().statusCode(200);
        List<String> ids = walk(user, conversation, "asc", null, 200).stream().map(m -> (String) m.get("id")).toList();
        assertThat(ids).containsExactlyInAnyOrderElementsOf(acknowledged);
        as(user).when().get(CONVERSATIONS + "/" + conversation).then().body("messageCount", equalTo(acknowledged.size()));
        assertThat(stored(conversation)).isEqualTo(acknowledged.size() + "/0/0");
    }
}
