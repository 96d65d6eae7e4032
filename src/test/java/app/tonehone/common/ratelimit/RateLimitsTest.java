package app.tonehone.common.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import app.tonehone.common.error.Problem;
import app.tonehone.support.TestDatabase;
import app.tonehone.support.TestRedis;
import app.tonehone.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The limits of API.md with small numbers: login per email and per address, registration
 * per address, the per-user budget; 429 with Retry-After; and still enforced, in memory,
 * while Redis is down. Each test uses its own client address (X-Forwarded-For from the
 * loopback proxy, which the test profile trusts) or its own email, so they do not interfere.
 */
@QuarkusTest
@TestProfile(RateLimitsTest.SmallLimits.class)
class RateLimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "tonehone.rate-limits.login-per-email", "3",
                    "tonehone.rate-limits.login-per-address", "5",
                    "tonehone.rate-limits.register-per-address", "2",
                    "tonehone.rate-limits.requests-per-user", "5",
                    "tonehone.rate-limits.redis-retry-after", "PT0.2S");
        }
    }

    private static Response login(String address, String email) {
        return given().header("X-Forwarded-For", address)
                .contentType(ContentType.JSON).body(Map.of("email", email, "password", "whatever password"))
                .when().post("/api/v1/auth/login");
    }

    @Test
    void loginAttemptsPerEmailAreLimitedWhateverTheAddress() {
        String email = "target-" + UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 3; i++) {
            login(ipv4(), email).then().statusCode(401);
        }
        Response limited = login(ipv4(), email);
        limited.then().statusCode(429).contentType(Problem.MEDIA_TYPE).body("status", equalTo(429));
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 15 * 60L);
    }

    @Test
    void loginAttemptsPerAddressAreLimitedWhateverTheEmail() {
        String address = ipv4();
        for (int i = 0; i < 5; i++) {
            login(address, "someone-" + UUID.randomUUID() + "@example.com").then().statusCode(401);
        }
        login(address, "someone-" + UUID.randomUUID() + "@example.com").then().statusCode(429);
        login(ipv4(), "someone-" + UUID.randomUUID() + "@example.com").then().statusCode(401);
    }

    @Test
    void registrationsPerAddressAreLimited() {
        String address = ipv4();
        for (int i = 0; i < 2; i++) {
            register(address).then().statusCode(201);
        }
        register(address).then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void eachUserHasARequestBudget() {
        UUID user = TestDatabase.createUser("budget");
        String token = TestTokens.accessToken(user);
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(200);
        }
        given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(429).contentType(Problem.MEDIA_TYPE);
        // Another user is unaffected.
        given().auth().oauth2(TestTokens.accessToken(TestDatabase.createUser("other"))).when().get("/api/v1/me")
                .then().statusCode(200);
    }

    @Test
    void limitsHoldWhileRedisIsDownAndRedisIsUsedAgainOnceBack() throws Exception {
        TestRedis.stop();
        try {
            String email = "redis-down-" + UUID.randomUUID() + "@example.com";
            for (int i = 0; i < 3; i++) {
                login(ipv4(), email).then().statusCode(401);
            }
            login(ipv4(), email).then().statusCode(429);
            UUID user = TestDatabase.createUser("redis-down");
            String token = TestTokens.accessToken(user);
            for (int i = 0; i < 5; i++) {
                given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(200);
            }
            given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(429);
        } finally {
            TestRedis.start();
        }
        // Back on Redis: a fresh email gets its full allowance, counted in Redis.
        Thread.sleep(300);
        String email = "redis-back-" + UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 3; i++) {
            login(ipv4(), email).then().statusCode(401);
        }
        login(ipv4(), email).then().statusCode(429);
        assertThat(TestRedis.keysMatching("rl:login-email:*")).isNotEmpty();
    }

    private static Response register(String address) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("email", "new-" + UUID.randomUUID() + "@example.com", "password", "a fine password"))
                .when().post("/api/v1/auth/register");
    }

    private static String ipv4() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }
}
