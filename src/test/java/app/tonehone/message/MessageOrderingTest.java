package app.tonehone.message;

import static app.tonehone.message.MessageResourceTest.as;
import static app.tonehone.message.MessageResourceTest.messages;
import static app.tonehone.message.MessageResourceTest.newConversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import app.tonehone.support.MessagePages;
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
 * Order is seq, and seq is the order received: OCR imports with equal or missing timestamps
 * page back in input order with no gap or duplicate, in both directions; concurrent writers
 * never share a seq; retried batches never duplicate.
 */
@QuarkusTest
class MessageOrderingTest {

    private static Map<String, Object> message(int n, String timestamp) {
        Map<String, Object> message = new HashMap<>();
        message.put("speaker", n % 3 == 0 ? "user" : "them");
        message.put("content", "message number " + n);
        message.put("source", "ocr");
        if (timestamp != null) {
            message.put("messageTimestamp", timestamp);
        }
        return message;
    }

    private static JsonPath batch(UUID user, String conversation, List<Map<String, Object>> items, String key) {
        var request = as(user).contentType(ContentType.JSON).body(Map.of("messages", items));
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.when().post(messages(conversation) + "/batch").then().statusCode(201).extract().jsonPath();
    }

    /** The seqs of every page, checking each message's content is the one sent with it. */
    private static List<Integer> walk(UUID user, String conversation, String order, Integer afterSeq, int limit) {
        List<Integer> seqs = new ArrayList<>();
        for (Map<String, Object> message : MessagePages.walk(user, conversation, order, afterSeq, limit)) {
            int seq = (Integer) message.get("seq");
            assertThat(message.get("content")).isEqualTo("message number " + seq);
            seqs.add(seq);
        }
        return seqs;
    }

    @Test
    void sixHundredOcrMessagesPageBackInInputOrder() {
        UUID user = TestDatabase.createUser("ocr");
        String conversation = newConversation(user);
        // 200 with one shared timestamp, 200 with none, 200 with the shared one again.
        for (int part = 0; part < 3; part++) {
            int first = part * 200 + 1;
            String timestamp = part == 1 ? null : "2024-06-01T20:15:00Z";
            List<Map<String, Object>> items = IntStream.range(first, first + 200).mapToObj(n -> message(n, timestamp)).toList();
            JsonPath stored = batch(user, conversation, items, null);
            assertThat(stored.getList("items.seq", Integer.class))
                    .containsExactlyElementsOf(IntStream.range(first, first + 200).boxed().toList());
        }
        List<Integer> all = IntStream.rangeClosed(1, 600).boxed().toList();
        assertThat(walk(user, conversation, "asc", null, 50)).containsExactlyElementsOf(all);
        assertThat(walk(user, conversation, "desc", null, 50)).containsExactlyElementsOf(all.reversed());
        assertThat(walk(user, conversation, "desc", null, 200)).containsExactlyElementsOf(all.reversed());
        assertThat(walk(user, conversation, "asc", 550, 20)).containsExactlyElementsOf(IntStream.rangeClosed(551, 600).boxed().toList());
        assertThat(walk(user, conversation, "asc", 600, 20)).isEmpty();
        as(user).when().get("/api/v1/conversations/" + conversation).then()
                .body("messageCount", equalTo(600))
                .body("needsResponse", equalTo(false)); // message 600 is the user's (every third is)
    }

    @Test
    void needsResponseFollowsTheHighestSeqWhateverTheTimestamps() {
        UUID user = TestDatabase.createUser("waiting");
        String conversation = newConversation(user);
        Map<String, Object> theirs = new HashMap<>(Map.of("speaker", "them", "content", "later, by timestamp",
                "messageTimestamp", "2030-01-01T00:00:00Z"));
        Map<String, Object> mine = new HashMap<>(Map.of("speaker", "user", "content", "earlier, by timestamp",
                "messageTimestamp", "2020-01-01T00:00:00Z"));
        batch(user, conversation, List.of(theirs, mine), null);
        as(user).when().get("/api/v1/conversations/" + conversation).then().body("needsResponse", equalTo(false));
        batch(user, conversation, List.of(Map.of("speaker", "user", "content", "a"), Map.of("speaker", "them", "content", "b")), null);
        as(user).when().get("/api/v1/conversations/" + conversation).then().body("needsResponse", equalTo(true));
    }

    @Test
    void cursorsAreBoundToTheirConversationOrderAndUser() {
        UUID user = TestDatabase.createUser("cursor");
        String conversation = newConversation(user);
        String other = newConversation(user);
        batch(user, conversation, List.of(message(1, null), message(2, null), message(3, null)), null);
        String cursor = as(user).queryParam("limit", 1).when().get(messages(conversation)).then().extract().path("nextCursor");
        as(user).queryParam("cursor", cursor).when().get(messages(conversation)).then().statusCode(200);
        as(user).queryParam("cursor", cursor).queryParam("order", "asc").when().get(messages(conversation)).then().statusCode(400);
        as(user).queryParam("cursor", cursor).when().get(messages(other)).then().statusCode(400);
        // Another user's request with this cursor: refused as a foreign cursor before anything is looked up.
        as(TestDatabase.createUser("other")).queryParam("cursor", cursor).when().get(messages(conversation)).then().statusCode(400);
        as(TestDatabase.createUser("other")).when().get(messages(conversation)).then().statusCode(404);
        for (String[] bad : new String[][] {{"limit", "0"}, {"limit", "201"}, {"order", "sideways"}, {"afterSeq", "-1"},
                {"afterSeq", "x"}, {"cursor", "forged"}}) {
            as(user).queryParam(bad[0], bad[1]).when().get(messages(conversation)).then().statusCode(400);
        }
    }

    @Test
    void batchesAreValidatedWholeAndStoredAllOrNothing() {
        UUID user = TestDatabase.createUser("batch");
        String conversation = newConversation(user);
        List<Map<String, Object>> items = new ArrayList<>(List.of(message(1, null), message(2, null)));
        items.add(Map.of("speaker", "them", "content", ""));
        as(user).contentType(ContentType.JSON).body(Map.of("messages", items)).when().post(messages(conversation) + "/batch")
                .then().statusCode(400).body("errors[0].field", equalTo("messages[2].content"));
        as(user).contentType(ContentType.JSON).body(Map.of("messages", List.of())).when().post(messages(conversation) + "/batch")
                .then().statusCode(400);
        as(user).contentType(ContentType.JSON).body(Map.of("messages",
                        IntStream.range(0, 1001).mapToObj(n -> message(n, null)).toList()))
                .when().post(messages(conversation) + "/batch").then().statusCode(400);
        assertThat(TestDatabase.ownerQuery("select count(*) from messages where conversation_id = ?::uuid", conversation))
                .containsExactly("0");
    }

    @Test
    void aFullBatchOfLongNonAsciiMessagesFitsAndALargerBodyIs413() {
        UUID user = TestDatabase.createUser("large");
        String conversation = newConversation(user);
        String longText = "ü".repeat(10000);
        List<Map<String, Object>> items = IntStream.range(0, 1000)
                .mapToObj(n -> Map.<String, Object>of("speaker", "them", "content", longText)).toList();
        as(user).contentType(ContentType.JSON).body(Map.of("messages", items)).when().post(messages(conversation) + "/batch")
                .then().statusCode(201).body("items.size()", equalTo(1000));
        String tooLarge = "{\"messages\":[" + ("{\"speaker\":\"them\",\"content\":\"" + "x".repeat(10000) + "\"},").repeat(5100) + "]}";
        as(user).contentType(ContentType.JSON).body(tooLarge).when().post(messages(conversation) + "/batch")
                .then().statusCode(413);
        as(user).contentType(ContentType.JSON).body(Map.of("speaker", "them", "content", "x".repeat(10000) + " ".repeat(1_100_000)))
                .when().post(messages(conversation)).then().statusCode(413);
    }

    @Test
    void twentyParallelPostsGetSeqOneToTwenty() throws Exception {
        UUID user = TestDatabase.createUser("parallel");
        String conversation = newConversation(user);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> seqs = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                int n = i;
                seqs.add(pool.submit((Callable<Integer>) () -> as(user).contentType(ContentType.JSON)
                        .body(Map.of("speaker", "them", "content", "parallel " + n))
                        .when().post(messages(conversation)).then().statusCode(201).extract().path("seq")));
            }
            List<Integer> got = new ArrayList<>();
            for (Future<Integer> seq : seqs) {
                got.add(seq.get());
            }
            assertThat(got).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 20).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
        as(user).when().get("/api/v1/conversations/" + conversation).then().body("messageCount", equalTo(20));
        assertThat(TestDatabase.ownerQuery("select count(distinct seq) || '/' || count(*) || '/' || max(seq) from messages"
                + " where conversation_id = ?::uuid", conversation)).containsExactly("20/20/20");
    }

    @Test
    void tenParallelDuplicatesOfAnIdempotentBatchStoreItOnce() throws Exception {
        UUID user = TestDatabase.createUser("retries");
        String conversation = newConversation(user);
        List<Map<String, Object>> items = IntStream.rangeClosed(1, 50).mapToObj(n -> message(n, null)).toList();
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Response>> responses = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                responses.add(pool.submit((Callable<Response>) () -> as(user).contentType(ContentType.JSON)
                        .header("Idempotency-Key", key).body(Map.of("messages", items))
                        .when().post(messages(conversation) + "/batch")));
            }
            String first = null;
            for (Future<Response> response : responses) {
                Response r = response.get();
                assertThat(r.statusCode()).isEqualTo(201);
                first = first == null ? r.asString() : first;
                assertThat(r.asString()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(TestDatabase.ownerQuery("select count(*) from messages where conversation_id = ?::uuid", conversation))
                .containsExactly("50");
        as(user).when().get("/api/v1/conversations/" + conversation).then().body("messageCount", equalTo(50));
    }
}
