package app.tonehone.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import app.tonehone.common.error.Problem;
import app.tonehone.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthResourceTest {

    private static final String AUTH = "/api/v1/auth";
    private static final String PASSWORD = "correct horse battery";

    private String email;

    @BeforeEach
    void uniqueEmail() {
        email = "user-" + UUID.randomUUID() + "@example.com";
    }

    static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post(AUTH + path).then();
    }

    static JsonPath register(String email, String password) {
        return post("/register", Map.of("email", email, "password", password)).statusCode(201).extract().jsonPath();
    }

    static JsonPath login(String email, String password) {
        return post("/login", Map.of("email", email, "password", password)).statusCode(200).extract().jsonPath();
    }

    private static void expectProblem(ValidatableResponse response, int status) {
        response.statusCode(status).contentType(Problem.MEDIA_TYPE).body("status", equalTo(status));
    }

    @Test
    void registerCreatesAnAccountAndASession() {
        JsonPath tokens = post("/register", Map.of("email", email, "password", PASSWORD))
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/me"))
                .body("userId", notNullValue())
                .body("expiresIn", equalTo(900))
                .body("refreshToken", matchesPattern("[A-Za-z0-9_-]{64}"))
                .extract().jsonPath();
        given().auth().oauth2(tokens.getString("accessToken")).when().get("/api/v1/me").then()
                .statusCode(200)
                .body("id", equalTo(tokens.getString("userId")))
                .body("email", equalTo(email))
                .body("creditsRemaining", equalTo(10));
        String stored = TestDatabase.ownerQuery("select password_hash from users where id = ?::uuid",
                tokens.getString("userId")).getFirst();
        assertThat(stored).startsWith("$argon2id$v=19$").doesNotContain(PASSWORD);
        assertThat(TestDatabase.ownerQuery("select count(*) from refresh_tokens where user_id = ?::uuid",
                tokens.getString("userId"))).containsExactly("1");
    }

    @Test
    void accessTokensAreRs256WithAKeyIdAndTheUserAsSubject() {
        JsonPath tokens = register(email, PASSWORD);
        String[] parts = tokens.getString("accessToken").split("\\.");
        JsonPath header = JsonPath.from(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
        JsonPath claims = JsonPath.from(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        assertThat(header.getString("alg")).isEqualTo("RS256");
        assertThat(header.getString("kid")).isEqualTo("dev-not-secret-1");
        assertThat(claims.getString("sub")).isEqualTo(tokens.getString("userId"));
        assertThat(claims.getString("iss")).isEqualTo("https://tonehone.app");
        assertThat(claims.getString("aud")).isEqualTo("tonehone-api");
        assertThat(claims.getLong("exp") - claims.getLong("iat")).isEqualTo(900);
        assertThat(claims.getList("groups")).isNullOrEmpty();
    }

    @Test
    void administratorsGetTheAdminGroup() {
        // %test lists admin@tonehone.test; the comparison ignores case.
        TestDatabase.ownerExecute("delete from users where lower(email) = 'admin@tonehone.test'");
        JsonPath tokens = register("ADMIN@tonehone.test", PASSWORD);
        String payload = new String(Base64.getUrlDecoder().decode(tokens.getString("accessToken").split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertThat(JsonPath.from(payload).getList("groups")).containsExactly("admin");
    }

    @Test
    void registrationValidatesEveryField() {
        expectProblem(post("/register", Map.of("password", PASSWORD)), 400);
        expectProblem(post("/register", Map.of("email", "not-an-email", "password", PASSWORD)), 400);
        expectProblem(post("/register", Map.of("email", email)), 400);
        expectProblem(post("/register", Map.of("email", email, "password", "short7!")), 400);
        expectProblem(post("/register", Map.of("email", email, "password", "x".repeat(257))), 400);
        // Code points, not UTF-16 units: four emoji are 4 characters (8 units), too short.
        post("/register", Map.of("email", email, "password", "😀😀😀😀")).statusCode(400)
                .body("errors.field", hasItem("password"));
        expectProblem(post("/register", Map.of("email", email, "password", "nul\u0000character")), 400);
        expectProblem(post("/register", "{\"email\": 42, \"password\": \"" + PASSWORD + "\"}"), 400);
        expectProblem(post("/register", "{\"email\": \"" + email + "\""), 400);
        assertThat(TestDatabase.ownerQuery("select count(*) from users where lower(email) = lower(?)", email))
                .containsExactly("0");
        // Eight emoji are eight characters: long enough.
        post("/register", Map.of("email", email, "password", "😀".repeat(8))).statusCode(201);
    }

    @Test
    void anEmailIsTakenRegardlessOfCase() {
        register(email, PASSWORD);
        expectProblem(post("/register", Map.of("email", email.toUpperCase(), "password", PASSWORD)), 409);
        expectProblem(post("/register", Map.of("email", "  " + email + " ", "password", PASSWORD)), 400);
    }

    @Test
    void loginWithTheRightPasswordOnly() {
        String userId = register(email, PASSWORD).getString("userId");
        JsonPath tokens = login(email.toUpperCase(), PASSWORD);
        assertThat(tokens.getString("userId")).isEqualTo(userId);
        given().auth().oauth2(tokens.getString("accessToken")).when().get("/api/v1/me").then().statusCode(200);
        expectProblem(post("/login", Map.of("email", email, "password", PASSWORD + "x")), 401);
        expectProblem(post("/login", Map.of("email", "nobody-" + email, "password", PASSWORD)), 401);
        expectProblem(post("/login", Map.of("email", email)), 400);
    }

    @Test
    void refreshRotatesAndTheOldTokenStopsWorking() {
        JsonPath first = register(email, PASSWORD);
        JsonPath second = post("/refresh", Map.of("refreshToken", first.getString("refreshToken")))
                .statusCode(200).extract().jsonPath();
        assertThat(second.getString("refreshToken")).isNotEqualTo(first.getString("refreshToken"));
        given().auth().oauth2(second.getString("accessToken")).when().get("/api/v1/me").then().statusCode(200);
        JsonPath third = post("/refresh", Map.of("refreshToken", second.getString("refreshToken")))
                .statusCode(200).extract().jsonPath();
        assertThat(third.getString("userId")).isEqualTo(first.getString("userId"));
    }

    @Test
    void reusingARotatedTokenRevokesTheWholeFamilyButNotOtherSessions() {
        JsonPath first = register(email, PASSWORD);
        JsonPath otherDevice = login(email, PASSWORD);
        JsonPath second = post("/refresh", Map.of("refreshToken", first.getString("refreshToken")))
                .statusCode(200).extract().jsonPath();
        // Someone replays the first token: refused, and the family it belongs to is revoked.
        expectProblem(post("/refresh", Map.of("refreshToken", first.getString("refreshToken"))), 401);
        expectProblem(post("/refresh", Map.of("refreshToken", second.getString("refreshToken"))), 401);
        post("/refresh", Map.of("refreshToken", otherDevice.getString("refreshToken"))).statusCode(200);
    }

    @Test
    void malformedForgedOrForeignRefreshTokensAre401() {
        JsonPath alice = register(email, PASSWORD);
        JsonPath bob = register("bob-" + email, PASSWORD);
        expectProblem(post("/refresh", Map.of("refreshToken", "garbage")), 401);
        expectProblem(post("/refresh", Map.of("refreshToken", "A".repeat(64))), 401);
        // Alice's user id with Bob's secret: names a user, matches nothing of hers.
        byte[] aliceRaw = Base64.getUrlDecoder().decode(alice.getString("refreshToken"));
        byte[] bobRaw = Base64.getUrlDecoder().decode(bob.getString("refreshToken"));
        System.arraycopy(bobRaw, 16, aliceRaw, 16, 32);
        expectProblem(post("/refresh", Map.of("refreshToken", Base64.getUrlEncoder().withoutPadding().encodeToString(aliceRaw))), 401);
        expectProblem(post("/refresh", Map.of()), 400);
        post("/refresh", Map.of("refreshToken", alice.getString("refreshToken"))).statusCode(200);
        post("/refresh", Map.of("refreshToken", bob.getString("refreshToken"))).statusCode(200);
    }

    @Test
    void logoutRevokesThatSessionOnly() {
        JsonPath first = register(email, PASSWORD);
        JsonPath second = login(email, PASSWORD);
        post("/logout", Map.of("refreshToken", first.getString("refreshToken"))).statusCode(204);
        expectProblem(post("/refresh", Map.of("refreshToken", first.getString("refreshToken"))), 401);
        post("/refresh", Map.of("refreshToken", second.getString("refreshToken"))).statusCode(200);
        // Logging out twice is harmless.
        post("/logout", Map.of("refreshToken", first.getString("refreshToken"))).statusCode(204);
        expectProblem(post("/logout", Map.of("refreshToken", "garbage")), 401);
    }

    @Test
    void changingThePasswordRevokesEveryRefreshToken() {
        JsonPath first = register(email, PASSWORD);
        JsonPath second = login(email, PASSWORD);
        String access = second.getString("accessToken");
        given().auth().oauth2(access).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", PASSWORD, "newPassword", "a new and better one"))
                .when().post(AUTH + "/password").then().statusCode(204);
        expectProblem(post("/refresh", Map.of("refreshToken", first.getString("refreshToken"))), 401);
        expectProblem(post("/refresh", Map.of("refreshToken", second.getString("refreshToken"))), 401);
        expectProblem(post("/login", Map.of("email", email, "password", PASSWORD)), 401);
        login(email, "a new and better one");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndAToken() {
        JsonPath tokens = register(email, PASSWORD);
        String access = tokens.getString("accessToken");
        expectProblem(given().auth().oauth2(access).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "wrong password", "newPassword", "a new and better one"))
                .when().post(AUTH + "/password").then(), 403);
        expectProblem(given().auth().oauth2(access).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", PASSWORD, "newPassword", "short"))
                .when().post(AUTH + "/password").then(), 400);
        expectProblem(given().contentType(ContentType.JSON)
                .body(Map.of("currentPassword", PASSWORD, "newPassword", "a new and better one"))
                .when().post(AUTH + "/password").then(), 401);
        login(email, PASSWORD);
    }

    @Test
    void aDeletedAccountCanNeitherLogInNorRefreshAndItsEmailIsFreeAgain() {
        JsonPath tokens = register(email, PASSWORD);
        given().auth().oauth2(tokens.getString("accessToken")).when().delete("/api/v1/me").then().statusCode(204);
        expectProblem(post("/login", Map.of("email", email, "password", PASSWORD)), 401);
        expectProblem(post("/refresh", Map.of("refreshToken", tokens.getString("refreshToken"))), 401);
        String newId = register(email, "another password").getString("userId");
        assertThat(newId).isNotEqualTo(tokens.getString("userId"));
    }
}
