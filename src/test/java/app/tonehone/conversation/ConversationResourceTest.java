package app.tonehone.conversation;

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
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConversationResourceTest {

    static final String CONVERSATIONS = "/api/v1/conversations";
    static final String PRESET = "01a241c8-ac00-70a0-8b5e-7a11ce000000";

    private UUID alice;
    private UUID bob;

    @BeforeEach
    void createUsers() {
        alice = TestDatabase.createUser("alice");
        bob = TestDatabase.createUser("bob");
    }

    static RequestSpecification as(UUID user) {
        return given().auth().oauth2(TestTokens.accessToken(user));
    }

    static ValidatableResponse create(UUID user, Object body) {
        return as(user).contentType(ContentType.JSON).body(body).when().post(CONVERSATIONS).then();
    }

    static String createConversation(UUID user, String name) {
        return create(user, Map.of("personName", name)).statusCode(201).extract().path("id");
    }

    private static void expectProblem(ValidatableResponse response, int status) {
        response.statusCode(status).contentType(Problem.MEDIA_TYPE).body("status", equalTo(status));
    }

    @Test
    void createsAConversation() {
        String location = create(alice, Map.of("personName", "  Sam  ", "platform", "hinge", "toneProfileId", PRESET,
                "profileBio", "Likes hiking", "profilePhotos", List.of("https://cdn.example/p/1.jpg"), "notes", "met at a café"))
                .statusCode(201)
                .body("id", notNullValue())
                .body("personName", equalTo("Sam"))
                .body("platform", equalTo("hinge"))
                .body("toneProfileId", equalTo(PRESET))
                .body("messageCount", equalTo(0))
                .body("needsResponse", equalTo(false))
                .body("lastMessageAt", nullValue())
                .body("archivedAt", nullValue())
                .body("profilePhotos", equalTo(List.of("https://cdn.example/p/1.jpg")))
                .body("createdAt", notNullValue())
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        as(alice).when().get(CONVERSATIONS + "/" + id).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("personName", equalTo("Sam"))
                .body("lastActivityAt", equalTo(as(alice).get(CONVERSATIONS + "/" + id).path("createdAt")));
        create(alice, Map.of("personName", "Alex")).statusCode(201).body("platform", equalTo("other"))
                .body("toneProfileId", nullValue()).body("profilePhotos", equalTo(List.of()));
    }

    @Test
    void validatesEveryField() {
        expectProblem(create(alice, Map.of()), 400);
        expectProblem(create(alice, Map.of("personName", "   ")), 400);
        expectProblem(create(alice, Map.of("personName", "x".repeat(201))), 400);
        create(alice, Map.of("personName", "😀".repeat(200))).statusCode(201);
        expectProblem(create(alice, Map.of("personName", "Sam\u0000")), 400);
        create(alice, Map.of("personName", "Sam", "platform", "myspace")).statusCode(400)
                .body("errors.field", hasItem("platform"));
        expectProblem(create(alice, Map.of("personName", "Sam", "toneProfileId", "not-a-uuid")), 400);
        create(alice, Map.of("personName", "Sam", "toneProfileId", UUID.randomUUID().toString())).statusCode(400)
                .body("errors.field", hasItem("toneProfileId"));
        create(alice, Map.of("personName", "Sam", "profilePhotos", List.of("http://insecure.example/a.jpg"))).statusCode(400)
                .body("errors.field", hasItem("profilePhotos[0]"));
        expectProblem(create(alice, Map.of("personName", "Sam", "profilePhotos",
                Collections.nCopies(21, "https://cdn.example/a.jpg"))), 400);
        expectProblem(create(alice, Map.of("personName", "Sam", "notes", "n".repeat(10001))), 400);
        expectProblem(create(alice, Map.of("personName", "Sam", "profileBio", "b".repeat(5001))), 400);
        expectProblem(create(alice, "{\"personName\": 42}"), 400);
        assertThat(TestDatabase.ownerQuery("select count(*) from conversations where user_id = ? and person_name <> ?",
                alice, "😀".repeat(200))).containsExactly("0");
    }

    @Test
    void theToneMustBeTheCallersProfileOrAPreset() {
        UUID bobsProfile = UUID.randomUUID();
        TestDatabase.ownerExecute("insert into tone_profiles (id, user_id, name, playfulness, formality, forwardness,"
                + " expressiveness) values (?, ?, 'Bold', 9, 2, 9, 8)", bobsProfile, bob);
        create(alice, Map.of("personName", "Sam", "toneProfileId", bobsProfile.toString())).statusCode(400)
                .body("errors.field", hasItem("toneProfileId"));
        create(bob, Map.of("personName", "Sam", "toneProfileId", bobsProfile.toString())).statusCode(201)
                .body("toneProfileId", equalTo(bobsProfile.toString()));
    }

    @Test
    void anotherUsersConversationIsNotFoundForEveryMethod() {
        String id = createConversation(alice, "Sam");
        expectProblem(as(bob).when().get(CONVERSATIONS + "/" + id).then(), 404);
        expectProblem(as(bob).contentType(ContentType.JSON).body(Map.of("notes", "mine now"))
                .when().patch(CONVERSATIONS + "/" + id).then(), 404);
        expectProblem(as(bob).when().delete(CONVERSATIONS + "/" + id).then(), 404);
        expectProblem(as(bob).when().get(CONVERSATIONS + "/not-a-uuid").then(), 404);
        as(bob).when().get(CONVERSATIONS).then().statusCode(200).body("items", equalTo(List.of()));
        as(alice).when().get(CONVERSATIONS + "/" + id).then().statusCode(200)
                .body("notes", nullValue()).body("personName", equalTo("Sam"));
    }

    @Test
    void patchIsAMergePatchWithETags() {
        String id = create(alice, Map.of("personName", "Sam", "notes", "first date friday", "platform", "bumble"))
                .statusCode(201).extract().path("id");
        String url = CONVERSATIONS + "/" + id;
        as(alice).contentType("application/merge-patch+json").body(Map.of("personName", "Samantha"))
                .when().patch(url).then().statusCode(200).header("ETag", "\"2\"")
                .body("personName", equalTo("Samantha")).body("notes", equalTo("first date friday"))
                .body("platform", equalTo("bumble"));
        Map<String, Object> clear = new HashMap<>();
        clear.put("notes", null);
        as(alice).contentType(ContentType.JSON).body(clear).when().patch(url).then().statusCode(200)
                .body("notes", nullValue());
        Map<String, Object> required = new HashMap<>();
        required.put("personName", null);
        as(alice).contentType(ContentType.JSON).body(required).when().patch(url).then().statusCode(400)
                .body("errors.field", hasItem("personName"));
        expectProblem(as(alice).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(Map.of("notes", "x"))
                .when().patch(url).then(), 412);
        as(alice).header("If-Match", "\"3\"").contentType(ContentType.JSON).body(Map.of("notes", "y"))
                .when().patch(url).then().statusCode(200).header("ETag", "\"4\"").body("notes", equalTo("y"));
        expectProblem(as(alice).contentType(ContentType.JSON).body(Map.of("platform", "orkut")).when().patch(url).then(), 400);
        expectProblem(as(alice).contentType(ContentType.JSON).body("[1]").when().patch(url).then(), 400);
    }

    @Test
    void deleteIsSoftAndImmediate() {
        String id = createConversation(alice, "Sam");
        String keep = createConversation(alice, "Alex");
        expectProblem(as(alice).header("If-Match", "\"9\"").when().delete(CONVERSATIONS + "/" + id).then(), 412);
        as(alice).when().delete(CONVERSATIONS + "/" + id).then().statusCode(204);
        expectProblem(as(alice).when().get(CONVERSATIONS + "/" + id).then(), 404);
        expectProblem(as(alice).when().delete(CONVERSATIONS + "/" + id).then(), 404);
        as(alice).when().get(CONVERSATIONS).then().statusCode(200).body("items.id", equalTo(List.of(keep)));
        as(alice).queryParam("archived", "true").when().get(CONVERSATIONS).then().body("items", equalTo(List.of()));
        assertThat(TestDatabase.ownerQuery("select deleted_at is not null from conversations where id = ?::uuid", id))
                .containsExactly("t");
    }
}
