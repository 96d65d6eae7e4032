package app.tonehone.tone;

import static app.tonehone.tone.ToneProfilesApi.NEAREST;
import static app.tonehone.tone.ToneProfilesApi.ONE;
import static app.tonehone.tone.ToneProfilesApi.PLAYFUL_FLIRT;
import static app.tonehone.tone.ToneProfilesApi.PROFILES;
import static app.tonehone.tone.ToneProfilesApi.as;
import static app.tonehone.tone.ToneProfilesApi.body;
import static app.tonehone.tone.ToneProfilesApi.create;
import static app.tonehone.tone.ToneProfilesApi.stored;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import app.tonehone.common.error.Problem;
import app.tonehone.common.http.MergePatch;
import app.tonehone.support.TestDatabase;
import app.tonehone.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ToneProfileResourceTest {

    private UUID alice;
    private UUID bob;

    @BeforeEach
    void createUsers() {
        alice = TestDatabase.createUser("alice");
        bob = TestDatabase.createUser("bob");
    }

    // --- create and read ---------------------------------------------------------------

    @Test
    void createsAProfileAndReadsItBack() {
        ExtractableResponse<Response> created = as(alice).contentType(ContentType.JSON)
                .body(body("  Bold move  ", 7, 3, 9, 6))
                .when().post(PROFILES).then()
                .statusCode(201)
                .header("ETag", "\"1\"")
                .body("name", equalTo("Bold move"))
                .body("isPreset", equalTo(false))
                .body("playfulness", equalTo(7)).body("formality", equalTo(3))
                .body("forwardness", equalTo(9)).body("expressiveness", equalTo(6))
                .body("createdAt", notNullValue())
                .body("$", aMapWithSize(10))
                .body("$", not(hasKey("version")))
                .body("description", nullValue())
                .extract();
        String id = created.path("id");
        assertThat(UUID.fromString(id).version()).isEqualTo(7);
        assertThat(created.header("Location")).endsWith(PROFILES + "/" + id);
        assertThat((String) created.path("updatedAt")).isEqualTo(created.path("createdAt"));

        as(alice).when().get(created.header("Location")).then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("id", equalTo(id))
                .body("name", equalTo("Bold move"))
                .body("isPreset", equalTo(false))
                .body("forwardness", equalTo(9))
                .body("createdAt", equalTo(created.path("createdAt")));
        assertThat(stored(id)).isEqualTo("Bold move,7,3,9,6,1");
    }

    @Test
    void namesAreMeasuredInCodePoints() {
        String hundredEmoji = "✨".repeat(50) + "🔥".repeat(50);
        as(alice).contentType(ContentType.JSON).body(body(hundredEmoji, 5, 5, 5, 5))
                .when().post(PROFILES).then().statusCode(201).body("name", equalTo(hundredEmoji));
        expectInvalidPost(alice, body("🔥".repeat(101), 5, 5, 5, 5), "name");
        as(alice).contentType(ContentType.JSON).body(body("x".repeat(100), 5, 5, 5, 5))
                .when().post(PROFILES).then().statusCode(201);
    }

    @Test
    void everyAxisMustBeAnIntegerFromOneToTen() {
        for (String axis : List.of("playfulness", "formality", "forwardness", "expressiveness")) {
            String valid = body("Axis test", 5, 5, 5, 5);
            for (String bad : List.of("0", "11", "-3", "\"5\"", "5.5", "null", "true", "[5]", "99999999999")) {
                expectInvalidPost(alice, valid.replace("\"" + axis + "\":5", "\"" + axis + "\":" + bad), axis);
            }
            expectInvalidPost(alice, valid.replace(",\"" + axis + "\":5", ""), axis);
            as(alice).contentType(ContentType.JSON).body(valid.replace("\"" + axis + "\":5", "\"" + axis + "\":10")
                            .replace("Axis test", "Max " + axis))
                    .when().post(PROFILES).then().statusCode(201).body(axis, equalTo(10));
            as(alice).contentType(ContentType.JSON).body(valid.replace("\"" + axis + "\":5", "\"" + axis + "\":1")
                            .replace("Axis test", "Min " + axis))
                    .when().post(PROFILES).then().statusCode(201).body(axis, equalTo(1));
        }
    }

    @Test
    void theNameIsRequiredNonBlankShortAndFreeOfNul() {
        expectInvalidPost(alice, body("", 5, 5, 5, 5), "name");
        expectInvalidPost(alice, body("   ", 5, 5, 5, 5), "name");
        expectInvalidPost(alice, body("x".repeat(101), 5, 5, 5, 5), "name");
        expectInvalidPost(alice, body("nul\\u0000inside", 5, 5, 5, 5), "name")
                .body("errors.message", hasItem("must not contain NUL characters"));
        expectInvalidPost(alice, body("x", 5, 5, 5, 5).replace("\"x\"", "42"), "name");
        expectInvalidPost(alice, body("x", 5, 5, 5, 5).replace("\"x\"", "null"), "name");
        expectInvalidPost(alice, "{\"playfulness\":5,\"formality\":5,\"forwardness\":5,\"expressiveness\":5}", "name");
        as(alice).contentType(ContentType.JSON).body("{").when().post(PROFILES).then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE);
        as(alice).contentType(ContentType.JSON).body("[]").when().post(PROFILES).then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE);
        assertThat(TestDatabase.ownerQuery("select count(*) from tone_profiles where user_id = ?", alice)).containsExactly("0");
    }

    @Test
    void namesAreUniquePerUserRegardlessOfCase() {
        create(alice, "Night Owl", 5, 5, 5, 5);
        as(alice).contentType(ContentType.JSON).body(body("night owl", 1, 1, 1, 1))
                .when().post(PROFILES).then()
                .statusCode(409).contentType(Problem.MEDIA_TYPE).body("status", equalTo(409));
        as(alice).contentType(ContentType.JSON).body(body("  NIGHT OWL ", 1, 1, 1, 1))
                .when().post(PROFILES).then().statusCode(409);
        // The failed transaction left nothing behind and breaks nothing after it.
        create(alice, "Early Bird", 5, 5, 5, 5);
        create(bob, "night owl", 5, 5, 5, 5);
        assertThat(TestDatabase.ownerQuery("select name from tone_profiles where user_id = ? order by name", alice))
                .containsExactly("Early Bird", "Night Owl");
        // A preset's name is not taken: presets live apart from the user's own names.
        create(alice, "Playful flirt", 9, 2, 7, 8);
    }

    @Test
    void anAccountHoldsAtMostOneHundredProfiles() {
        TestDatabase.ownerExecute("insert into tone_profiles (id, user_id, name, playfulness, formality, forwardness,"
                + " expressiveness) select gen_random_uuid(), ?, 'profile ' || g, 5, 5, 5, 5 from generate_series(1, 99) g", alice);
        create(alice, "The hundredth", 5, 5, 5, 5);
        as(alice).contentType(ContentType.JSON).body(body("One too many", 5, 5, 5, 5))
                .when().post(PROFILES).then()
                .statusCode(409).contentType(Problem.MEDIA_TYPE);
        assertThat(TestDatabase.ownerQuery("select count(*) from tone_profiles where user_id = ?", alice)).containsExactly("100");
        create(bob, "One too many", 5, 5, 5, 5);
    }

    @Test
    void presetsCanBeReadButNotChanged() {
        as(alice).when().get(ONE, PLAYFUL_FLIRT).then()
                .statusCode(200)
                .header("ETag", nullValue())
                .body("id", equalTo(PLAYFUL_FLIRT))
                .body("name", equalTo("Playful flirt"))
                .body("isPreset", equalTo(true))
                .body("description", notNullValue())
                .body("playfulness", equalTo(9));
        as(alice).contentType(ContentType.JSON).body(body("Mine now", 1, 1, 1, 1))
                .when().put(ONE, PLAYFUL_FLIRT).then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        as(alice).contentType(MergePatch.MEDIA_TYPE).body("{\"playfulness\":1}")
                .when().patch(ONE, PLAYFUL_FLIRT).then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        as(alice).header("If-Match", "*").when().delete(ONE, PLAYFUL_FLIRT).then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        assertThat(TestDatabase.ownerQuery("select concat_ws(',', name, playfulness) from tone_presets where id = ?::uuid",
                PLAYFUL_FLIRT)).containsExactly("Playful flirt,9");
    }

    // --- other users and unknown ids ---------------------------------------------------

    @Test
    void anotherUsersProfileIsNotFoundAndStaysUntouched() {
        String bobs = create(bob, "Bob's own", 2, 3, 4, 5);
        as(alice).when().get(ONE, bobs).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        as(alice).contentType(ContentType.JSON).body(body("Taken over", 9, 9, 9, 9))
                .when().put(ONE, bobs).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        as(alice).contentType(MergePatch.MEDIA_TYPE).body("{\"name\":\"Taken over\"}")
                .when().patch(ONE, bobs).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        as(alice).header("If-Match", "*").when().delete(ONE, bobs).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        as(alice).when().delete(ONE, bobs).then().statusCode(404);

        assertThat(stored(bobs)).isEqualTo("Bob's own,2,3,4,5,1");
        as(bob).when().get(ONE, bobs).then().statusCode(200).header("ETag", "\"1\"").body("name", equalTo("Bob's own"));
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        String unknown = UUID.randomUUID().toString();
        as(alice).when().get(ONE, unknown).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        as(alice).contentType(ContentType.JSON).body(body("x", 1, 1, 1, 1)).when().put(ONE, unknown).then().statusCode(404);
        as(alice).contentType(MergePatch.MEDIA_TYPE).body("{}").when().patch(ONE, unknown).then().statusCode(404);
        as(alice).when().delete(ONE, unknown).then().statusCode(404);
        for (String malformed : List.of("not-a-uuid", "123", "01a241c8-ac00-70a0-8b5e-7a11ce00000Z")) {
            as(alice).when().get(ONE, malformed).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
            as(alice).when().delete(ONE, malformed).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        }
    }

    @Test
    void everyEndpointNeedsAValidToken() {
        String id = create(alice, "Guarded", 5, 5, 5, 5);
        for (String token : new String[] {null, TestTokens.expired(alice), TestTokens.withIssuer(alice, "https://evil.example")}) {
            expectUnauthorized(withToken(token).when().get(PROFILES).then());
            expectUnauthorized(withToken(token).when().get(NEAREST + "?playfulness=1&formality=1&forwardness=1&expressiveness=1").then());
            expectUnauthorized(withToken(token).contentType(ContentType.JSON).body(body("x", 1, 1, 1, 1)).when().post(PROFILES).then());
            expectUnauthorized(withToken(token).when().get(ONE, id).then());
            expectUnauthorized(withToken(token).contentType(ContentType.JSON).body(body("x", 1, 1, 1, 1)).when().put(ONE, id).then());
            expectUnauthorized(withToken(token).contentType(MergePatch.MEDIA_TYPE).body("{}").when().patch(ONE, id).then());
            expectUnauthorized(withToken(token).when().delete(ONE, id).then());
        }
        assertThat(stored(id)).isEqualTo("Guarded,5,5,5,5,1");
    }

    // --- replace -----------------------------------------------------------------------

    @Test
    void putReplacesEveryFieldAndBumpsTheVersion() {
        ExtractableResponse<Response> created = as(alice).contentType(ContentType.JSON).body(body("Before", 1, 2, 3, 4))
                .when().post(PROFILES).then().statusCode(201).extract();
        String id = created.path("id");
        ExtractableResponse<Response> replaced = as(alice).contentType(ContentType.JSON).body(body(" After ", 10, 9, 8, 7))
                .when().put(ONE, id).then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("id", equalTo(id))
                .body("name", equalTo("After"))
                .body("playfulness", equalTo(10)).body("formality", equalTo(9))
                .body("forwardness", equalTo(8)).body("expressiveness", equalTo(7))
                .body("createdAt", equalTo(created.path("createdAt")))
                .extract();
        assertThat(Instant.parse(replaced.path("updatedAt"))).isAfter(Instant.parse(created.path("createdAt")));
        assertThat(stored(id)).isEqualTo("After,10,9,8,7,2");
        // Same values again: still an update, so a new version.
        as(alice).contentType(ContentType.JSON).body(body("After", 10, 9, 8, 7))
                .when().put(ONE, id).then().statusCode(200).header("ETag", "\"3\"");
        as(alice).when().get(ONE, id).then().statusCode(200).header("ETag", "\"3\"")
                .body("updatedAt", notNullValue());
    }

    @Test
    void putRequiresEveryFieldAndValidatesLikeCreate() {
        String id = create(alice, "Full", 5, 5, 5, 5);
        String valid = body("Full", 5, 5, 5, 5);
        for (String field : List.of("playfulness", "formality", "forwardness", "expressiveness")) {
            expectInvalidPut(id, valid.replace(",\"" + field + "\":5", ""), field);
            expectInvalidPut(id, valid.replace("\"" + field + "\":5", "\"" + field + "\":null"), field);
            expectInvalidPut(id, valid.replace("\"" + field + "\":5", "\"" + field + "\":0"), field);
            expectInvalidPut(id, valid.replace("\"" + field + "\":5", "\"" + field + "\":11"), field);
            expectInvalidPut(id, valid.replace("\"" + field + "\":5", "\"" + field + "\":\"high\""), field);
        }
        expectInvalidPut(id, valid.replace("\"Full\"", "null"), "name");
        expectInvalidPut(id, valid.replace("\"Full\"", "\"\""), "name");
        expectInvalidPut(id, valid.replace("\"Full\"", "\"a\\u0000b\""), "name");
        assertThat(stored(id)).isEqualTo("Full,5,5,5,5,1");
    }

    @Test
    void renamingOntoAnotherOfTheUsersNamesIsAConflict() {
        create(alice, "Taken", 5, 5, 5, 5);
        String id = create(alice, "Free", 5, 5, 5, 5);
        as(alice).contentType(ContentType.JSON).body(body("TAKEN", 5, 5, 5, 5))
                .when().put(ONE, id).then().statusCode(409).contentType(Problem.MEDIA_TYPE);
        as(alice).contentType(MergePatch.MEDIA_TYPE).body("{\"name\":\"taken\"}")
                .when().patch(ONE, id).then().statusCode(409).contentType(Problem.MEDIA_TYPE);
        assertThat(stored(id)).isEqualTo("Free,5,5,5,5,1");
        // Changing only the case of its own name is fine.
        as(alice).contentType(MergePatch.MEDIA_TYPE).body("{\"name\":\"FREE\"}")
                .when().patch(ONE, id).then().statusCode(200).body("name", equalTo("FREE"));
    }

    // --- merge patch -------------------------------------------------------------------

    @Test
    void patchChangesOnlyTheFieldsItNames() {
        String id = create(alice, "Patchable", 1, 2, 3, 4);
        as(alice).contentType(MergePatch.MEDIA_TYPE).body("{\"formality\":9}")
                .when().patch(ONE, id).then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("name", equalTo("Patchable"))
                .body("playfulness", equalTo(1)).body("formality", equalTo(9))
                .body("forwardness", equalTo(3)).body("expressiveness", equalTo(4));
        // application/json is accepted too; unknown members are ignored.
        as(alice).contentType(ContentType.JSON).body("{\"name\":\" Renamed \",\"expressiveness\":10,\"isPreset\":true,\"id\":\"x\"}")
                .when().patch(ONE, id).then()
                .statusCode(200)
                .header("ETag", "\"3\"")
                .body("id", equalTo(id)).body("isPreset", equalTo(false))
                .body("name", equalTo("Renamed")).body("expressiveness", equalTo(10)).body("formality", equalTo(9));
        // An empty patch changes nothing but is still an update.
        as(alice).contentType(MergePatch.MEDIA_TYPE).body("{}")
                .when().patch(ONE, id).then().statusCode(200).header("ETag", "\"4\"").body("name", equalTo("Renamed"));
        assertThat(stored(id)).isEqualTo("Renamed,1,9,3,10,4");
    }

    @Test
    void patchCannotClearARequiredFieldOrBreakARule() {
        String id = create(alice, "Strict", 5, 5, 5, 5);
        for (String field : List.of("playfulness", "formality", "forwardness", "expressiveness")) {
            expectInvalidPatch(id, "{\"" + field + "\":null}", field);
            expectInvalidPatch(id, "{\"" + field + "\":0}", field);
            expectInvalidPatch(id, "{\"" + field + "\":11}", field);
            expectInvalidPatch(id, "{\"" + field + "\":\"7\"}", field);
            expectInvalidPatch(id, "{\"" + field + "\":7.5}", field);
        }
        expectInvalidPatch(id, "{\"name\":null}", "name");
        expectInvalidPatch(id, "{\"name\":\"  \"}", "name");
        expectInvalidPatch(id, "{\"name\":\"" + "x".repeat(101) + "\"}", "name");
        expectInvalidPatch(id, "{\"name\":\"a\\u0000b\"}", "name")
                .body("errors.message", hasItem("must not contain NUL characters"));
        expectInvalidPatch(id, "{\"name\":[\"x\"]}", "name");
        for (String notAnObject : List.of("[]", "\"x\"", "42", "null")) {
            as(alice).contentType(MergePatch.MEDIA_TYPE).body(notAnObject).when().patch(ONE, id).then()
                    .statusCode(400).contentType(Problem.MEDIA_TYPE);
        }
        as(alice).contentType(MergePatch.MEDIA_TYPE).body("{\"name\":").when().patch(ONE, id).then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE);
        as(alice).contentType(ContentType.TEXT).body("name=x").when().patch(ONE, id).then()
                .statusCode(415).contentType(Problem.MEDIA_TYPE);
        assertThat(stored(id)).isEqualTo("Strict,5,5,5,5,1");
    }

    // --- ETag and If-Match ---------------------------------------------------------------

    @Test
    void writesHonourIfMatch() {
        String id = create(alice, "Versioned", 5, 5, 5, 5);
        String etag = as(alice).when().get(ONE, id).then().statusCode(200).extract().header("ETag");
        assertThat(etag).isEqualTo("\"1\"");

        as(alice).header("If-Match", etag).contentType(ContentType.JSON).body(body("Versioned", 6, 5, 5, 5))
                .when().put(ONE, id).then().statusCode(200).header("ETag", "\"2\"");
        // The first phone's ETag is now stale.
        as(alice).header("If-Match", etag).contentType(ContentType.JSON).body(body("Versioned", 1, 1, 1, 1))
                .when().put(ONE, id).then().statusCode(412).contentType(Problem.MEDIA_TYPE).body("status", equalTo(412));
        as(alice).header("If-Match", etag).contentType(MergePatch.MEDIA_TYPE).body("{\"playfulness\":1}")
                .when().patch(ONE, id).then().statusCode(412).contentType(Problem.MEDIA_TYPE);
        as(alice).header("If-Match", "W/\"2\"").contentType(MergePatch.MEDIA_TYPE).body("{\"playfulness\":1}")
                .when().patch(ONE, id).then().statusCode(412);
        as(alice).header("If-Match", etag).when().delete(ONE, id).then().statusCode(412).contentType(Problem.MEDIA_TYPE);
        assertThat(stored(id)).isEqualTo("Versioned,6,5,5,5,2");

        as(alice).header("If-Match", "\"1\", \"2\"").contentType(MergePatch.MEDIA_TYPE).body("{\"playfulness\":7}")
                .when().patch(ONE, id).then().statusCode(200).header("ETag", "\"3\"").body("playfulness", equalTo(7));
        as(alice).header("If-Match", "*").contentType(MergePatch.MEDIA_TYPE).body("{\"playfulness\":8}")
                .when().patch(ONE, id).then().statusCode(200).header("ETag", "\"4\"");
        as(alice).header("If-Match", "4").contentType(MergePatch.MEDIA_TYPE).body("{\"playfulness\":9}")
                .when().patch(ONE, id).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("If-Match"));
        as(alice).header("If-Match", "\"4\"").when().delete(ONE, id).then().statusCode(204);
        as(alice).when().get(ONE, id).then().statusCode(404);
    }

    // --- delete ------------------------------------------------------------------------

    @Test
    void deleteRemovesTheProfileAndDetachesItsConversations() {
        String id = create(alice, "Short-lived", 5, 5, 5, 5);
        UUID conversation = TestDatabase.createConversation(alice, "Sam", 0);
        TestDatabase.ownerExecute("update conversations set tone_profile_id = ?::uuid where id = ?", id, conversation);
        as(alice).when().delete(ONE, id).then().statusCode(204);
        as(alice).when().get(ONE, id).then().statusCode(404);
        as(alice).when().delete(ONE, id).then().statusCode(404);
        assertThat(stored(id)).isNull();
        assertThat(TestDatabase.ownerQuery("select coalesce(tone_profile_id::text, '-') from conversations where id = ?",
                conversation)).containsExactly("-");
        // The name is free again.
        create(alice, "Short-lived", 5, 5, 5, 5);
    }

    // --- helpers -------------------------------------------------------------------------

    private static io.restassured.specification.RequestSpecification withToken(String token) {
        return token == null ? given() : given().header("Authorization", "Bearer " + token);
    }

    private static void expectUnauthorized(ValidatableResponse response) {
        response.statusCode(401).contentType(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer");
    }

    private static ValidatableResponse expectInvalidPost(UUID user, String json, String field) {
        return as(user).contentType(ContentType.JSON).body(json).when().post(PROFILES).then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors.field", hasItem(field));
    }

    private ValidatableResponse expectInvalidPut(String id, String json, String field) {
        return as(alice).contentType(ContentType.JSON).body(json).when().put(ONE, id).then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors.field", hasItem(field));
    }

    private ValidatableResponse expectInvalidPatch(String id, String json, String field) {
        return as(alice).contentType(MergePatch.MEDIA_TYPE).body(json).when().patch(ONE, id).then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors.field", hasItem(field));
    }
}
