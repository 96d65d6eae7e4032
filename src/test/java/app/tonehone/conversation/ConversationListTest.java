package app.tonehone.conversation;

import static app.tonehone.conversation.ConversationResourceTest.CONVERSATIONS;
import static app.tonehone.conversation.ConversationResourceTest.as;
import static app.tonehone.conversation.ConversationResourceTest.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import app.tonehone.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lists: order, filters, keyset pages that never skip or repeat, and cursors bound to their scope. */
@QuarkusTest
class ConversationListTest {

    private UUID alice;
    private final List<String> ids = new ArrayList<>();

    @BeforeEach
    void createConversations() {
        alice = TestDatabase.createUser("alice");
        ids.clear();
        String[] platforms = {"hinge", "bumble", "tinder", "other", "hinge", "hinge"};
        for (int i = 0; i < platforms.length; i++) {
            ids.add(create(alice, Map.of("personName", "Match " + i, "platform", platforms[i])).statusCode(201)
                    .extract().path("id"));
        }
        // Two conversations share one activity time: the id breaks the tie.
        TestDatabase.ownerExecute("update conversations set last_activity_at = '2026-01-01T00:00:00Z'"
                + " where id in (?::uuid, ?::uuid)", ids.get(1), ids.get(2));
        TestDatabase.ownerExecute("update conversations set last_speaker = 'them' where id in (?::uuid, ?::uuid)",
                ids.get(0), ids.get(4));
        TestDatabase.ownerExecute("update conversations set archived_at = now() where id = ?::uuid", ids.get(3));
    }

    private List<String> walk(String query, int limit) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(alice).queryParam("limit", limit);
            for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
                request = request.queryParam(pair.split("=")[0], pair.split("=")[1]);
            }
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get(CONVERSATIONS).then().statusCode(200).extract().jsonPath();
            List<String> items = page.getList("items.id");
            assertThat(items.size()).isLessThanOrEqualTo(limit);
            seen.addAll(items);
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return seen;
    }

    private List<String> expectedOrder(String where) {
        return TestDatabase.ownerQuery("select id::text from conversations where user_id = ? and deleted_at is null and "
                + where + " order by last_activity_at desc, id desc", alice);
    }

    @Test
    void pagesWalkEveryConversationOnceInActivityOrder() {
        List<String> all = expectedOrder("archived_at is null");
        assertThat(all).hasSize(5);
        assertThat(walk("", 1)).containsExactlyElementsOf(all);
        assertThat(walk("", 2)).containsExactlyElementsOf(all);
        assertThat(walk("", 200)).containsExactlyElementsOf(all);
    }

    @Test
    void filtersCombine() {
        assertThat(walk("platform=hinge", 1)).containsExactlyElementsOf(expectedOrder("archived_at is null and platform = 'hinge'"));
        assertThat(walk("archived=true", 1)).containsExactly(ids.get(3));
        assertThat(walk("needsResponse=true", 1)).containsExactlyElementsOf(
                expectedOrder("archived_at is null and last_speaker = 'them'"));
        assertThat(walk("needsResponse=false&platform=hinge", 1)).containsExactly(ids.get(5));
    }

    @Test
    void badParametersAre400() {
        for (String[] bad : new String[][] {{"limit", "0"}, {"limit", "201"}, {"limit", "abc"}, {"archived", "yes"},
                {"needsResponse", "1"}, {"platform", "myspace"}, {"cursor", "garbage"}}) {
            as(alice).queryParam(bad[0], bad[1]).when().get(CONVERSATIONS).then().statusCode(400)
                    .body("errors.field", hasItem(bad[0]));
        }
    }

    @Test
    void aCursorOnlyWorksForItsUserListAndFilters() {
        String cursor = as(alice).queryParam("limit", 1).when().get(CONVERSATIONS).then().statusCode(200)
                .extract().path("nextCursor");
        as(alice).queryParam("cursor", cursor).when().get(CONVERSATIONS).then().statusCode(200);
        as(alice).queryParam("cursor", cursor).queryParam("platform", "hinge").when().get(CONVERSATIONS).then()
                .statusCode(400).body("errors.field", hasItem("cursor"));
        as(alice).queryParam("cursor", cursor).queryParam("archived", "true").when().get(CONVERSATIONS).then()
                .statusCode(400);
        as(TestDatabase.createUser("mallory")).queryParam("cursor", cursor).when().get(CONVERSATIONS).then()
                .statusCode(400);
        as(alice).queryParam("cursor", cursor).when().get("/api/v1/tone-profiles").then().statusCode(400);
        char[] tampered = cursor.toCharArray();
        tampered[tampered.length - 2] = tampered[tampered.length - 2] == 'A' ? 'B' : 'A';
        as(alice).queryParam("cursor", new String(tampered)).when().get(CONVERSATIONS).then().statusCode(400);
        as(alice).queryParam("limit", 1).when().get(CONVERSATIONS).then().body("items.size()", equalTo(1));
    }

    /**
     * During a rolling deploy the older revision reads a schema migrated for the newer one: a
     * column added by a later migration must not break its lists (nor the dashboard).
     */
    @Test
    void aColumnAddedByALaterMigrationDoesNotBreakTheLists() {
        TestDatabase.ownerExecute("alter table conversations add column added_later integer");
        try {
            assertThat(walk("", 2)).containsExactlyElementsOf(expectedOrder("archived_at is null"));
            assertThat(walk("archived=true", 2)).containsExactly(ids.get(3));
            as(alice).when().get("/api/v1/dashboard").then().statusCode(200);
        } finally {
            TestDatabase.ownerExecute("alter table conversations drop column added_later");
        }
    }
}
