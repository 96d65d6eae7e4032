package app.tonehone.conversation;

import static app.tonehone.conversation.ConversationResourceTest.PRESET;
import static app.tonehone.conversation.ConversationResourceTest.as;
import static app.tonehone.conversation.ConversationResourceTest.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import app.tonehone.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DashboardTest {

    private static final String DASHBOARD = "/api/v1/dashboard";

    private static void say(UUID user, String conversation, String speaker) {
        as(user).contentType(ContentType.JSON).body(Map.of("speaker", speaker, "content", "hello"))
                .when().post("/api/v1/conversations/" + conversation + "/messages").then().statusCode(201);
    }

    private static List<String> walk(UUID user, int limit) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(user).queryParam("limit", limit);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get(DASHBOARD).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return seen;
    }

    @Test
    void waitingConversationsComeFirstThenTheRestByActivity() {
        UUID user = TestDatabase.createUser("dashboard");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(create(user, Map.of("personName", "Match " + i, "toneProfileId", PRESET)).statusCode(201)
                    .extract().path("id"));
        }
        say(user, ids.get(1), "them");
        say(user, ids.get(2), "user");
        say(user, ids.get(3), "them");
        say(user, ids.get(4), "them");
        say(user, ids.get(4), "user");
        TestDatabase.ownerExecute("update conversations set archived_at = now() where id = ?::uuid", ids.get(5));
        as(user).when().delete("/api/v1/conversations/" + ids.get(0)).then().statusCode(204);
        // Waiting: 3 (latest activity), then 1; the rest: 4, then 2. Archived and deleted ones are not shown.
        List<String> expected = List.of(ids.get(3), ids.get(1), ids.get(4), ids.get(2));
        assertThat(walk(user, 1)).containsExactlyElementsOf(expected);
        assertThat(walk(user, 2)).containsExactlyElementsOf(expected);
        assertThat(walk(user, 3)).containsExactlyElementsOf(expected);
        assertThat(walk(user, 50)).containsExactlyElementsOf(expected);
        as(user).when().get(DASHBOARD).then().statusCode(200)
                .body("items[0].needsResponse", equalTo(true))
                .body("items[2].needsResponse", equalTo(false))
                .body("items[0].tone.playfulness", org.hamcrest.Matchers.notNullValue())
                .body("items[0].replyRate", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void showsOnlyTheCallersConversationsAndRefusesForeignCursors() {
        UUID alice = TestDatabase.createUser("alice");
        UUID bob = TestDatabase.createUser("bob");
        create(alice, Map.of("personName", "Sam")).statusCode(201);
        create(alice, Map.of("personName", "Alex")).statusCode(201);
        as(bob).when().get(DASHBOARD).then().statusCode(200).body("items", equalTo(List.of()))
                .body("nextCursor", org.hamcrest.Matchers.nullValue());
        String cursor = as(alice).queryParam("limit", 1).when().get(DASHBOARD).then().extract().path("nextCursor");
        as(bob).queryParam("cursor", cursor).when().get(DASHBOARD).then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
        as(alice).queryParam("cursor", cursor).when().get("/api/v1/conversations").then().statusCode(400);
        as(alice).queryParam("limit", "0").when().get(DASHBOARD).then().statusCode(400);
    }
}
