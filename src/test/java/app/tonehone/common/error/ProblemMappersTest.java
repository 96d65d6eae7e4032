package app.tonehone.common.error;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** Every kind of bad request answers a problem document with the right status, never a 500. */
@QuarkusTest
class ProblemMappersTest {

    private static final String ECHO = "/test/error-model/echo";
    private static final String VALID = """
            {"speaker":"them","content":"hello","level":3,"items":[{"content":"a","score":2}]}""";

    private static ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post(ECHO).then()
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aValidBodyIsAccepted() {
        given().contentType(ContentType.JSON).body(VALID).when().post(ECHO).then()
                .statusCode(200).body("speaker", equalTo("them")).body("level", equalTo(3));
    }

    @Test
    void malformedJsonIs400WithoutEchoingTheInput() {
        post("{\"speaker\":\"them\", \"content\": SECRET-MARKER-42 }")
                .statusCode(400)
                .body("status", equalTo(400))
                .body("title", equalTo("Bad Request"))
                .body("type", startsWith("https://tonehone.app/problems/"))
                .body("detail", containsString("line 1"))
                .body(not(containsString("SECRET-MARKER-42")));
        post("").statusCode(400);
        post("[1,2]").statusCode(400);
        post(VALID + " {}").statusCode(400);
    }

    @Test
    void wrongTypesNameTheField() {
        post(VALID.replace("\"level\":3", "\"level\":\"3\"")).statusCode(400)
                .body("errors.field", hasItem("level")).body("errors.message", hasItem("must be an integer"));
        post(VALID.replace("\"level\":3", "\"level\":2.5")).statusCode(400).body("errors.field", hasItem("level"));
        post(VALID.replace("\"content\":\"hello\"", "\"content\":42")).statusCode(400)
                .body("errors.field", hasItem("content"));
        post(VALID.replace("\"level\":3", "\"level\":null")).statusCode(400).body("errors.field", hasItem("level"));
        post(VALID.replace("\"level\":3", "\"level\":3,\"reference\":\"not-a-uuid\"")).statusCode(400)
                .body("errors.field", hasItem("reference")).body("errors.message", hasItem("must be a UUID"));
        post(VALID.replace("\"level\":3", "\"level\":3,\"at\":\"yesterday\"")).statusCode(400)
                .body("errors.field", hasItem("at"));
        post(VALID.replace("\"items\":[", "\"items\":{\"x\":[").replace("}]", "}]}")).statusCode(400)
                .body("errors.field", hasItem("items"));
    }

    @Test
    void unknownEnumValuesAndOrdinalsAre400() {
        post(VALID.replace("\"them\"", "\"SECRET-MARKER-ENUM\"")).statusCode(400)
                .body("errors.field", hasItem("speaker"))
                .body("errors.message", hasItem("must be one of user, them"))
                .body(not(containsString("SECRET-MARKER-ENUM")));
        post(VALID.replace("\"them\"", "1")).statusCode(400).body("errors.field", hasItem("speaker"));
    }

    @Test
    void nulCharactersAre400NamingTheField() {
        post(VALID.replace("\"hello\"", "\"hel\\u0000lo\"")).statusCode(400)
                .body("errors.field", hasItem("content"))
                .body("errors.message", hasItem("must not contain NUL characters"));
        post(VALID.replace("{\"content\":\"a\"", "{\"content\":\"\\u0000\"")).statusCode(400)
                .body("errors.field", hasItem("items[0].content"));
    }

    @Test
    void beanValidationListsEveryInvalidFieldWithoutValues() {
        String body = """
                {"speaker":"them","content":"","level":11,
                 "items":[{"content":"ok"},{"content":"SECRET-MARKER-TOO-LONG","score":9}]}""";
        post(body).statusCode(400)
                .body("detail", equalTo("The request has invalid fields"))
                .body("errors.field", hasItem("content"))
                .body("errors.field", hasItem("level"))
                .body("errors.field", hasItem("items[1].content"))
                .body("errors.field", hasItem("items[1].score"))
                .body(not(containsString("SECRET-MARKER-TOO-LONG")));
        post("{}").statusCode(400).body("errors.field", hasItem("speaker")).body("errors.field", hasItem("content"));
        given().contentType(ContentType.JSON).body("null").when().post(ECHO).then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void queryParameterValidationNamesTheParameter() {
        given().when().get("/test/error-model/page?limit=0").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("errors.field", hasItem("limit"));
        given().when().get("/test/error-model/page?limit=20").then().statusCode(200);
    }

    @Test
    void oversizedBodiesAre413() {
        byte[] big = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        given().contentType(ContentType.JSON).body(big).when().post(ECHO).then()
                .statusCode(413).contentType(Problem.MEDIA_TYPE).body("status", equalTo(413));
    }

    @Test
    void oversizedChunkedBodiesAre413() {
        // No Content-Length: the hard limit (48 MB) must hold while the body streams in.
        InputStream chunks = new SequenceInputStream(Collections.enumeration(Collections.nCopies(49 * 1024,
                (InputStream) null).stream().map(ignored -> (InputStream) new ByteArrayInputStream(
                        "a".repeat(1024).getBytes(StandardCharsets.US_ASCII))).toList()));
        int status = given().contentType(ContentType.JSON).body(chunks).when().post(ECHO).then()
                .extract().statusCode();
        assertThat(status).isEqualTo(413);
    }

    @Test
    void unknownRoutesAndMethodsAreProblems() {
        given().when().get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE).body("status", equalTo(404));
        given().when().get("/").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        given().when().delete(ECHO).then().statusCode(405).contentType(Problem.MEDIA_TYPE);
        given().contentType(ContentType.XML).body("<a/>").when().post(ECHO).then()
                .statusCode(415).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void unexpectedFailuresAre500WithAnErrorIdAndNoInternals() {
        given().when().get("/test/error-model/boom").then().statusCode(500)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("error id"))
                .body("errors", nullValue())
                .body("title", notNullValue())
                .body(not(containsString("secret detail")))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("at app.tonehone")));
    }
}
