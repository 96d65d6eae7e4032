package app.tonehone.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import app.tonehone.common.error.Problem;
import app.tonehone.support.TestDatabase;
import app.tonehone.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MeResourceTest {

    private static final String ME = "/api/v1/me";

    private UUID alice;
    private UUID bob;

    @BeforeEach
    void createUsers() {
        alice = TestDatabase.createUser("alice");
        bob = TestDatabase.createUser("bob");
    }

    @Test
    void showsTheCallersOwnAccount() {
        given().auth().oauth2(TestTokens.accessToken(alice)).when().get(ME).then()
                .statusCode(200)
                .body("id", equalTo(alice.toString()))
                .body("email", equalTo("alice-" + alice + "@example.com"))
                .body("subscriptionTier", equalTo("free"))
                .body("creditsRemaining", equalTo(7))
                .body("createdAt", notNullValue());
        given().auth().oauth2(TestTokens.accessToken(bob)).when().get(ME).then()
                .statusCode(200).body("id", equalTo(bob.toString()));
    }

    @Test
    void refusesRequestsWithoutAValidToken() {
        expectUnauthorized(null);
        expectUnauthorized("not-a-jwt");
        expectUnauthorized(TestTokens.expired(alice));
        expectUnauthorized(TestTokens.withIssuer(alice, "https://evil.example"));
        expectUnauthorized(TestTokens.withAudience(alice, "someone-else"));
        expectUnauthorized(TestTokens.signedByAnotherKey(alice));
        expectUnauthorized(TestTokens.withSubject("not-a-uuid"));
    }

    @Test
    void anAccountThatDoesNotExistOrWasDeletedIs404() {
        given().auth().oauth2(TestTokens.accessToken(UUID.randomUUID())).when().get(ME).then()
                .statusCode(404).contentType(Problem.MEDIA_TYPE);
        TestDatabase.ownerExecute("update users set deleted_at = now(), email = null, password_hash = null where id = ?", bob);
        given().auth().oauth2(TestTokens.accessToken(bob)).when().get(ME).then()
                .statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    private static void expectUnauthorized(String token) {
        var request = given();
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        request.when().get(ME).then()
                .statusCode(401)
                .contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
    }
}
