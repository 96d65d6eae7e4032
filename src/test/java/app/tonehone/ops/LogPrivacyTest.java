package app.tonehone.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import app.tonehone.support.TestDatabase;
import app.tonehone.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Messages are other people's words: whatever a request carries, and whatever the database
 * says about a failing row, must not reach the service's log. The test profile writes the
 * log to target/test-service.log at every level.
 */
@QuarkusTest
class LogPrivacyTest {

    private static final Path LOG = Path.of("target/test-service.log");

    @Test
    void failingRequestsLeaveNoContentInTheLog() throws IOException {
        String marker = "PRIVATE-" + UUID.randomUUID();
        UUID user = TestDatabase.createUser("privacy");

        // A database error whose DETAIL quotes the failing row (person_name over 200 characters).
        given().auth().oauth2(TestTokens.accessToken(user)).contentType(ContentType.TEXT)
                .body(marker + "x".repeat(250))
                .when().post("/test/error-model/database-failure").then().statusCode(500);
        // Bodies that fail parsing and validation.
        given().contentType(ContentType.JSON).body("{\"content\": " + marker + "}")
                .when().post("/test/error-model/echo").then().statusCode(400);
        given().contentType(ContentType.JSON)
                .body("{\"speaker\":\"them\",\"content\":\"" + marker + marker + "\",\"level\":3}")
                .when().post("/test/error-model/echo").then().statusCode(400);

        String log = Files.readString(LOG, StandardCharsets.UTF_8);
        assertThat(log).contains("sqlstate 23514").contains("conversations_person_name_length_check");
        assertThat(log).doesNotContain(marker);
    }
}
