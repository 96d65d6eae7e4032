package app.tonehone.tone;

import static app.tonehone.tone.ToneProfilesApi.PRESET_COUNT;
import static app.tonehone.tone.ToneProfilesApi.PROFILES;
import static app.tonehone.tone.ToneProfilesApi.as;
import static app.tonehone.tone.ToneProfilesApi.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import app.tonehone.common.error.Problem;
import app.tonehone.common.pagination.CursorCodec;
import app.tonehone.common.pagination.CursorScope;
import app.tonehone.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /tone-profiles}: presets first, then the user's own, cursor-paginated. */
@QuarkusTest
class ToneProfileListTest {

    private static final List<String> PRESETS_BY_NAME = List.of("Direct and confident", "Enthusiastic", "Laid-back casual",
            "Playful flirt", "Polite first contact", "Thoughtful and deep", "Warm and sincere", "Witty banter");
    private static final List<String> OWN_BY_NAME = List.of("apple", "Apricot", "banana", "Blueberry", "cherry", "Zebra");

    @Inject
    CursorCodec cursors;

    private UUID alice;
    private UUID bob;

    @BeforeEach
    void createProfiles() {
        alice = TestDatabase.createUser("alice");
        bob = TestDatabase.createUser("bob");
        for (String name : List.of("cherry", "Zebra", "Apricot", "banana", "apple", "Blueberry")) {
            create(alice, name, 5, 5, 5, 5);
        }
        create(bob, "Bob only", 5, 5, 5, 5);
    }

    @Test
    void listsPresetsThenOwnProfilesByNameIgnoringCase() {
        JsonPath page = as(alice).when().get(PROFILES).then()
                .statusCode(200)
                .body("items", hasSize(PRESET_COUNT + OWN_BY_NAME.size()))
                .body("nextCursor", nullValue())
                .extract().jsonPath();
        List<String> expected = new ArrayList<>(PRESETS_BY_NAME);
        expected.addAll(OWN_BY_NAME);
        assertThat(page.getList("items.name", String.class)).containsExactlyElementsOf(expected);
        assertThat(page.getList("items.isPreset", Boolean.class).subList(0, PRESET_COUNT)).containsOnly(true);
        assertThat(page.getList("items.isPreset", Boolean.class).subList(PRESET_COUNT, expected.size())).containsOnly(false);
        assertThat(page.getString("items[0].description")).isNotBlank();
        assertThat(page.getString("items[" + PRESET_COUNT + "].description")).isNull();
        assertThat(page.getInt("items[" + PRESET_COUNT + "].playfulness")).isEqualTo(5);
        // Bob sees the presets and his own, never Alice's.
        as(bob).when().get(PROFILES).then().statusCode(200)
                .body("items", hasSize(PRESET_COUNT + 1))
                .body("items[" + PRESET_COUNT + "].name", equalTo("Bob only"));
    }

    @Test
    void walkingOneItemAPageVisitsEveryItemOnceInOrder() {
        List<String> all = as(alice).when().get(PROFILES).then().statusCode(200).extract().jsonPath().getList("items.id");
        for (int limit : new int[] {1, 3, PRESET_COUNT, PRESET_COUNT + OWN_BY_NAME.size() - 1}) {
            assertThat(walk(alice, limit)).as("limit " + limit).containsExactlyElementsOf(all);
        }
    }

    @Test
    void aPageBoundaryHoldsWhileProfilesAreAddedAndRemoved() {
        // Stop in the middle of the user's own profiles, after "banana".
        String cursor = null;
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < PRESET_COUNT + 3; i++) {
            JsonPath page = page(alice, 1, cursor);
            seen.add(page.getString("items[0].name"));
            cursor = page.getString("nextCursor");
        }
        assertThat(seen.getLast()).isEqualTo("banana");
        create(alice, "Aardvark", 5, 5, 5, 5);   // before the boundary: not seen, nothing repeats
        create(alice, "Banana split", 5, 5, 5, 5); // after it: seen
        String cherry = TestDatabase.ownerQuery("select id from tone_profiles where user_id = ? and name = 'cherry'", alice).getFirst();
        as(alice).when().delete(ToneProfilesApi.ONE, cherry).then().statusCode(204);
        List<String> rest = new ArrayList<>();
        while (cursor != null) {
            JsonPath page = page(alice, 1, cursor);
            rest.addAll(page.getList("items.name"));
            cursor = page.getString("nextCursor");
        }
        assertThat(rest).containsExactly("Banana split", "Blueberry", "Zebra");
    }

    @Test
    void invalidLimitsAre400NamingLimit() {
        for (String limit : List.of("0", "201", "-1", "abc", "1.5", "1e1", "99999999999")) {
            as(alice).queryParam("limit", limit).when().get(PROFILES).then()
                    .statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("errors.field", hasItem("limit"));
        }
        as(alice).queryParam("limit", "200").when().get(PROFILES).then().statusCode(200);
        as(alice).queryParam("limit", "").when().get(PROFILES).then().statusCode(200)
                .body("items", hasSize(PRESET_COUNT + OWN_BY_NAME.size()));
    }

    @Test
    void tamperedOrTruncatedCursorsAre400() {
        String cursor = page(alice, 2, null).getString("nextCursor");
        char last = cursor.charAt(cursor.length() - 1);
        String altered = cursor.substring(0, cursor.length() - 1) + (last == 'A' ? 'B' : 'A');
        String middle = cursor.substring(0, 10) + (cursor.charAt(10) == 'x' ? 'y' : 'x') + cursor.substring(11);
        for (String bad : List.of(altered, middle, cursor.substring(0, cursor.length() - 3), cursor + "AA", "garbage", "%%%",
                "a".repeat(2100))) {
            expectInvalidCursor(alice, bad);
        }
        // The genuine one still works.
        as(alice).queryParam("limit", 2).queryParam("cursor", cursor).when().get(PROFILES).then().statusCode(200)
                .body("items", hasSize(2)).body("items[0].name", equalTo(PRESETS_BY_NAME.get(2)));
    }

    @Test
    void anotherUsersCursorIs400() {
        String alicesCursor = page(alice, 2, null).getString("nextCursor");
        expectInvalidCursor(bob, alicesCursor);
    }

    @Test
    void aCursorOfAnotherListOrOtherFiltersIs400() {
        List<String> sortKey = List.of("0", "enthusiastic", "01a241c8-ac00-70a7-8b5e-7a11ce000007");
        String sameList = cursors.encode(CursorScope.of(alice, ToneProfileService.LIST, ToneProfileRepository.ORDER), sortKey);
        as(alice).queryParam("cursor", sameList).when().get(PROFILES).then().statusCode(200)
                .body("items[0].name", equalTo("Laid-back casual"));
        expectInvalidCursor(alice, cursors.encode(CursorScope.of(alice, "GET /api/v1/conversations",
                ToneProfileRepository.ORDER), sortKey));
        expectInvalidCursor(alice, cursors.encode(CursorScope.of(alice, ToneProfileService.LIST,
                ToneProfileRepository.ORDER, Map.of("platform", "hinge")), sortKey));
        expectInvalidCursor(alice, cursors.encode(CursorScope.of(alice, ToneProfileService.LIST, "id"), sortKey));
        // Signed for this list but not one of its positions.
        expectInvalidCursor(alice, cursors.encode(CursorScope.of(alice, ToneProfileService.LIST,
                ToneProfileRepository.ORDER), List.of("x", "y")));
    }

    private static JsonPath page(UUID user, int limit, String cursor) {
        var request = as(user).queryParam("limit", limit);
        if (cursor != null) {
            request = request.queryParam("cursor", cursor);
        }
        return request.when().get(PROFILES).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> walk(UUID user, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = page(user, limit, cursor);
            List<String> items = page.getList("items.id");
            assertThat(items).hasSizeBetween(1, limit);
            ids.addAll(items);
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        return ids;
    }

    private static void expectInvalidCursor(UUID user, String cursor) {
        as(user).queryParam("cursor", cursor).when().get(PROFILES).then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("cursor"));
    }
}
