package app.tonehone.message;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import app.tonehone.common.error.Problem;
import app.tonehone.support.TestDatabase;
import app.tonehone.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MessageResourceTest {

    private UUID alice;
    private UUID bob;
    private String conversation;

    static RequestSpecification as(UUID user) {
        return given().auth().oauth2(TestTokens.accessToken(user));
    }

    static String newConversation(UUID user) {
        return as(user).contentType(ContentType.JSON).body(Map.of("personName", "Sam"))
                .when().post("/api/v1/conversations").then().statusCode(201).extract().path("id");
    }

    static String messages(String conversation) {
        return "/api/v1/conversations/" + conversation + "/messages";
    }

    static ValidatableResponse post(UUID user, String conversation, Object body) {
        return as(user).contentType(ContentType.JSON).body(body).when().post(messages(conversation)).then();
    }

    private static void expectProblem(ValidatableResponse response, int status) {
        response.statusCode(status).contentType(Problem.MEDIA_TYPE).body("status", equalTo(status));
    }

    @BeforeEach
    void createConversation() {
        alice = TestDatabase.createUser("alice");
        bob = TestDatabase.createUser("bob");
        conversation = newConversation(alice);
    }

    private JsonPath conversation() {
        return as(alice).when().get("/api/v1/conversations/" + conversation).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void storesAMessageAndUpdatesTheConversation() {
        String createdAt = conversation().getString("createdAt");
        post(alice, conversation, Map.of("speaker", "them", "content", "Hey! How was the hike?",
                "messageTimestamp", "2026-11-30T18:00:00Z", "source", "ocr", "ocrConfidence", 0.93))
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString(messages(conversation) + "/"))
                .body("seq", equalTo(1))
                .body("conversationId", equalTo(conversation))
                .body("speaker", equalTo("them"))
                .body("source", equalTo("ocr"))
                .body("isKeyMoment", equalTo(false))
                .body("effectivenessScore", nullValue())
                .body("messageTimestamp", equalTo("2026-11-30T18:00:00Z"))
                .body("createdAt", notNullValue());
        JsonPath after = conversation();
        assertThat(after.getInt("messageCount")).isEqualTo(1);
        assertThat(after.getBoolean("needsResponse")).isTrue();
        assertThat(after.getString("lastMessageAt")).isEqualTo("2026-11-30T18:00:00Z");
        assertThat(after.getString("lastTheirMessageAt")).isEqualTo("2026-11-30T18:00:00Z");
        assertThat(after.getString("lastUserMessageAt")).isNull();
        assertThat(java.time.Instant.parse(after.getString("lastActivityAt"))).isAfter(java.time.Instant.parse(createdAt));
        JsonPath reply = post(alice, conversation, Map.of("speaker", "user", "content", "Great, thanks!"))
                .statusCode(201).body("seq", equalTo(2)).body("source", equalTo("manual")).extract().jsonPath();
        JsonPath replied = conversation();
        assertThat(replied.getBoolean("needsResponse")).isFalse();
        assertThat(replied.getString("lastUserMessageAt")).isEqualTo(reply.getString("createdAt"));
        assertThat(replied.getString("lastMessageAt")).isEqualTo(reply.getString("createdAt"));
        assertThat(replied.getString("lastTheirMessageAt")).isEqualTo("2026-11-30T18:00:00Z");
    }

    @Test
    void validatesEveryField() {
        expectProblem(post(alice, conversation, Map.of("content", "hi")), 400);
        expectProblem(post(alice, conversation, Map.of("speaker", "robot", "content", "hi")), 400);
        expectProblem(post(alice, conversation, Map.of("speaker", "them")), 400);
        expectProblem(post(alice, conversation, Map.of("speaker", "them", "content", "")), 400);
        expectProblem(post(alice, conversation, Map.of("speaker", "them", "content", "x".repeat(10001))), 400);
        expectProblem(post(alice, conversation, Map.of("speaker", "them", "content", "a\u0000b")), 400);
        expectProblem(post(alice, conversation, Map.of("speaker", "them", "content", "hi", "source", "fax")), 400);
        expectProblem(post(alice, conversation, Map.of("speaker", "them", "content", "hi", "ocrConfidence", 1.5)), 400);
        expectProblem(post(alice, conversation, Map.of("speaker", "them", "content", "hi", "effectivenessScore", 6)), 400);
        expectProblem(post(alice, conversation, Map.of("speaker", "them", "content", "hi", "messageTimestamp", "noon")), 400);
        post(alice, conversation, Map.of("speaker", "them", "content", "é".repeat(10000))).statusCode(201)
                .body("seq", equalTo(1));
        assertThat(conversation().getInt("messageCount")).isEqualTo(1);
    }

    @Test
    void anotherUsersOrADeletedConversationIsNotFound() {
        String messageId = post(alice, conversation, Map.of("speaker", "them", "content", "hi")).statusCode(201)
                .extract().path("id");
        expectProblem(post(bob, conversation, Map.of("speaker", "them", "content", "hi")), 404);
        expectProblem(as(bob).contentType(ContentType.JSON).body(Map.of("messages", List.of(Map.of("speaker", "them",
                "content", "hi")))).when().post(messages(conversation) + "/batch").then(), 404);
        expectProblem(as(bob).when().get(messages(conversation)).then(), 404);
        expectProblem(as(bob).contentType(ContentType.JSON).body(Map.of("isKeyMoment", true))
                .when().patch(messages(conversation) + "/" + messageId).then(), 404);
        expectProblem(as(bob).when().delete(messages(conversation) + "/" + messageId).then(), 404);
        expectProblem(as(alice).when().get(messages(UUID.randomUUID().toString())).then(), 404);
        expectProblem(as(alice).when().get(messages("not-a-uuid")).then(), 404);
        as(alice).when().get(messages(conversation)).then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].isKeyMoment", equalTo(false));
        as(alice).when().delete("/api/v1/conversations/" + conversation).then().statusCode(204);
        expectProblem(as(alice).when().get(messages(conversation)).then(), 404);
        expectProblem(post(alice, conversation, Map.of("speaker", "them", "content", "hi")), 404);
    }

    @Test
    void anArchivedConversationsMessagesCanBeReadButNotWritten() {
        String messageId = post(alice, conversation, Map.of("speaker", "them", "content", "hi")).statusCode(201)
                .extract().path("id");
        as(alice).when().post("/api/v1/conversations/" + conversation + "/archive").then().statusCode(200);
        as(alice).when().get(messages(conversation)).then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].id", equalTo(messageId));
        expectProblem(post(alice, conversation, Map.of("speaker", "user", "content", "hello?")), 409);
        expectProblem(as(alice).contentType(ContentType.JSON).body(Map.of("isKeyMoment", true))
                .when().patch(messages(conversation) + "/" + messageId).then(), 409);
        expectProblem(as(alice).when().delete(messages(conversation) + "/" + messageId).then(), 409);
        expectProblem(as(alice).contentType(ContentType.JSON).body(Map.of("messages", List.of(Map.of("speaker", "them", "content", "x"))))
                .when().post(messages(conversation) + "/batch").then(), 409);
        assertThat(TestDatabase.ownerQuery("select message_count || '/' || (select count(*) from archived_conversations a"
                + " where a.conversation_id = c.id) from conversations c where id = ?::uuid", conversation)).containsExactly("1/1");
    }

    @Test
    void marksKeyMomentsAndEffectiveness() {
        String url = messages(conversation) + "/" + post(alice, conversation, Map.of("speaker", "user", "content", "Dinner?"))
                .statusCode(201).extract().path("id");
        as(alice).contentType(ContentType.JSON).body(Map.of("isKeyMoment", true, "effectivenessScore", 5))
                .when().patch(url).then().statusCode(200)
                .body("isKeyMoment", equalTo(true)).body("effectivenessScore", equalTo(5)).body("content", equalTo("Dinner?"));
        as(alice).contentType("application/merge-patch+json").body(Map.of("effectivenessScore", 3))
                .when().patch(url).then().statusCode(200).body("isKeyMoment", equalTo(true)).body("effectivenessScore", equalTo(3));
        Map<String, Object> clear = new HashMap<>();
        clear.put("effectivenessScore", null);
        as(alice).contentType(ContentType.JSON).body(clear).when().patch(url).then().statusCode(200)
                .body("effectivenessScore", nullValue()).body("isKeyMoment", equalTo(true));
        as(alice).contentType(ContentType.JSON).body(Map.of("effectivenessScore", 0, "isKeyMoment", "yes"))
                .when().patch(url).then().statusCode(400)
                .body("errors.field", hasItem("effectivenessScore")).body("errors.field", hasItem("isKeyMoment"));
        expectProblem(as(alice).contentType(ContentType.JSON).body(Map.of("isKeyMoment", false))
                .when().patch(messages(conversation) + "/" + UUID.randomUUID()).then(), 404);
    }

    @Test
    void deletingLeavesAGapAndRecomputesWhoIsWaiting() {
        post(alice, conversation, Map.of("speaker", "user", "content", "one")).statusCode(201);
        String second = post(alice, conversation, Map.of("speaker", "them", "content", "two")).statusCode(201)
                .extract().path("id");
        assertThat(conversation().getBoolean("needsResponse")).isTrue();
        as(alice).when().delete(messages(conversation) + "/" + second).then().statusCode(204);
        JsonPath after = conversation();
        assertThat(after.getBoolean("needsResponse")).isFalse();
        assertThat(after.getInt("messageCount")).isEqualTo(1);
        assertThat(after.getString("lastTheirMessageAt")).isNull();
        expectProblem(as(alice).when().delete(messages(conversation) + "/" + second).then(), 404);
        post(alice, conversation, Map.of("speaker", "them", "content", "three")).statusCode(201).body("seq", equalTo(3));
        as(alice).queryParam("order", "asc").when().get(messages(conversation)).then()
                .body("items.seq", equalTo(List.of(1, 3)));
    }
}
