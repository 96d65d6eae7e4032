package app.tonehone.tone;

import static io.restassured.RestAssured.given;

import app.tonehone.support.TestDatabase;
import app.tonehone.support.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Requests and fixtures shared by the tone-profile tests. */
final class ToneProfilesApi {

    static final String PROFILES = "/api/v1/tone-profiles";
    static final String ONE = PROFILES + "/{id}";
    static final String NEAREST = PROFILES + "/nearest";
    static final int PRESET_COUNT = 8;
    static final String PLAYFUL_FLIRT = "01a241c8-ac00-70a0-8b5e-7a11ce000000";

    private ToneProfilesApi() {
    }

    static RequestSpecification as(UUID user) {
        return given().auth().oauth2(TestTokens.accessToken(user));
    }

    static String body(String name, int playfulness, int formality, int forwardness, int expressiveness) {
        return "{\"name\":\"" + name + "\",\"playfulness\":" + playfulness + ",\"formality\":" + formality
                + ",\"forwardness\":" + forwardness + ",\"expressiveness\":" + expressiveness + "}";
    }

    /** Creates a profile through the API; returns its id. */
    static String create(UUID user, String name, int playfulness, int formality, int forwardness, int expressiveness) {
        return as(user).contentType(ContentType.JSON).body(body(name, playfulness, formality, forwardness, expressiveness))
                .when().post(PROFILES).then().statusCode(201).extract().path("id");
    }

    /** The stored row, as the owner sees it: name, the four axes and version. */
    static String stored(Object id) {
        return TestDatabase.ownerQuery("select concat_ws(',', name, playfulness, formality, forwardness, expressiveness,"
                + " version) from tone_profiles where id = ?::uuid", id.toString()).stream().findFirst().orElse(null);
    }
}
