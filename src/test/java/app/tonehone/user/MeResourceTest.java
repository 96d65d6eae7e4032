package app.tonehone.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
    void tokensOfAnAccountThatDoesNotExistOrWasDeletedAreRefused() {
        expectUnauthorized(TestTokens.accessToken(UUID.randomUUID()));
        String bobsToken = TestTokens.accessToken(bob);
        given().auth().oauth2(bobsToken).when().get(ME).then().statusCode(200);
        TestDatabase.ownerExecute("update users set deleted_at = now(), email = null, password_hash = null where id = ?", bob);
        expectUnauthorized(bobsToken);
    }

    @Test
    void deletingTheAccountRefusesItsTokensAtOnceAndLeavesOthersAlone() {
        String alicesToken = TestTokens.accessToken(alice);
        given().auth().oauth2(alicesToken).when().delete(ME).then().statusCode(204);
        expectUnauthorized(alicesToken);
        given().auth().oauth2(alicesToken).when().delete(ME).then().statusCode(401);
        assertThat(TestDatabase.ownerQuery("select coalesce(email, '-') || ' ' || coalesce(password_hash, '-') || ' '"
                + " || (deleted_at is not null) from users where id = ?", alice)).containsExactly("- - true");
        given().auth().oauth2(TestTokens.accessToken(bob)).when().get(ME).then()
                .statusCode(200).body("email", equalTo("bob-" + bob + "@example.com"));
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
