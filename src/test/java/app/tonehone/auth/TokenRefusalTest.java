package app.tonehone.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import app.tonehone.common.error.Problem;
import app.tonehone.support.TestDatabase;
import app.tonehone.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint that needs a user refuses, with 401 and a problem document, a request
 * without a token or with one that is malformed, expired, signed by another key, issued by
 * someone else, meant for another audience, or whose user was deleted. Nothing changes.
 */
@QuarkusTest
class TokenRefusalTest {

    private static final String TONE =
            "{\"name\":\"Bold\",\"playfulness\":7,\"formality\":3,\"forwardness\":8,\"expressiveness\":6}";
    /** Any existing id will do: the request must be refused before it is looked up. */
    private static final String PRESET = "01a241c8-ac00-70a0-8b5e-7a11ce000000";

    /** Method, path and a plausible body of every authenticated endpoint. */
    static final List<String[]> ENDPOINTS = List.of(
            new String[] {"GET", "/api/v1/me", null},
            new String[] {"DELETE", "/api/v1/me", null},
            new String[] {"POST", "/api/v1/auth/password",
                    "{\"currentPassword\":\"old password\",\"newPassword\":\"new password!\"}"},
            new String[] {"GET", "/api/v1/tone-profiles", null},
            new String[] {"POST", "/api/v1/tone-profiles", TONE},
            new String[] {"GET", "/api/v1/tone-profiles/nearest?playfulness=5&formality=5&forwardness=5&expressiveness=5", null},
            new String[] {"GET", "/api/v1/tone-profiles/" + PRESET, null},
            new String[] {"PUT", "/api/v1/tone-profiles/" + PRESET, TONE},
            new String[] {"PATCH", "/api/v1/tone-profiles/" + PRESET, "{\"playfulness\":3}"},
            new String[] {"DELETE", "/api/v1/tone-profiles/" + PRESET, null},
            new String[] {"GET", "/api/v1/conversations", null},
            new String[] {"GET", "/api/v1/dashboard", null},
            new String[] {"POST", "/api/v1/conversations", "{\"personName\":\"Sam\"}"},
            new String[] {"GET", "/api/v1/conversations/" + PRESET, null},
            new String[] {"PATCH", "/api/v1/conversations/" + PRESET, "{\"notes\":\"x\"}"},
            new String[] {"DELETE", "/api/v1/conversations/" + PRESET, null},
            new String[] {"POST", "/api/v1/conversations/" + PRESET + "/messages", "{\"speaker\":\"them\",\"content\":\"hi\"}"},
            new String[] {"POST", "/api/v1/conversations/" + PRESET + "/messages/batch",
                    "{\"messages\":[{\"speaker\":\"them\",\"content\":\"hi\"}]}"},
            new String[] {"GET", "/api/v1/conversations/" + PRESET + "/messages", null},
            new String[] {"PATCH", "/api/v1/conversations/" + PRESET + "/messages/" + PRESET, "{\"isKeyMoment\":true}"},
            new String[] {"DELETE", "/api/v1/conversations/" + PRESET + "/messages/" + PRESET, null});

    static Stream<Arguments> endpointsAndBadTokens() {
        UUID user = UUID.randomUUID();
        List<String> tokens = List.of("", "Bearer", "Bearer not-a-jwt", "Basic dXNlcjpwYXNz",
                "Bearer " + TestTokens.expired(user),
                "Bearer " + TestTokens.signedByAnotherKey(user),
                "Bearer " + TestTokens.withIssuer(user, "https://someone-else.example"),
                "Bearer " + TestTokens.withAudience(user, "another-api"),
                "Bearer " + TestTokens.withSubject("not-a-uuid"),
                "Bearer " + TestTokens.accessToken(UUID.randomUUID()));
        return ENDPOINTS.stream().flatMap(endpoint -> tokens.stream()
                .map(token -> Arguments.of(endpoint[0], endpoint[1], endpoint[2], token)));
    }

    @ParameterizedTest(name = "{0} {1} with \"{3}\"")
    @MethodSource("endpointsAndBadTokens")
    void isRefused(String method, String path, String body, String authorization) {
        UUID bystander = TestDatabase.createUser("bystander");
        RequestSpecification request = given();
        if (!authorization.isEmpty()) {
            request = request.header("Authorization", authorization);
        }
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        request.when().request(method, path).then()
                .statusCode(401)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(401));
        given().auth().oauth2(TestTokens.accessToken(bystander)).when().get("/api/v1/me").then().statusCode(200);
    }
}
