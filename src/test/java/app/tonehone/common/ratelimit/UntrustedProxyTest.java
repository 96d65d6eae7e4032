package app.tonehone.common.ratelimit;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * When the direct peer is not a trusted proxy, X-Forwarded-For is ignored: a client cannot
 * escape its per-address limit by inventing a new address for every request.
 */
@QuarkusTest
@TestProfile(UntrustedProxyTest.OtherProxyTrusted.class)
class UntrustedProxyTest {

    public static class OtherProxyTrusted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.trusted-proxies", "192.0.2.10",
                    "tonehone.rate-limits.login-per-address", "3");
        }
    }

    @Test
    void forwardedAddressesFromAnUntrustedPeerDoNotCount() {
        for (int i = 0; i < 3; i++) {
            login("203.0.113." + (i + 1)).then().statusCode(401);
        }
        login("203.0.113.99").then().statusCode(429);
    }

    private static io.restassured.response.Response login(String claimedAddress) {
        return given().header("X-Forwarded-For", claimedAddress).contentType(ContentType.JSON)
                .body(Map.of("email", "u-" + UUID.randomUUID() + "@example.com", "password", "whatever password"))
                .when().post("/api/v1/auth/login");
    }
}
