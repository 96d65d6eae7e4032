package app.tonehone.tone;

import static app.tonehone.tone.ToneProfilesApi.NEAREST;
import static app.tonehone.tone.ToneProfilesApi.PRESET_COUNT;
import static app.tonehone.tone.ToneProfilesApi.as;
import static app.tonehone.tone.ToneProfilesApi.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import app.tonehone.common.error.Problem;
import app.tonehone.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /tone-profiles/nearest}: own profiles and presets by Euclidean distance, through the GiST indexes. */
@QuarkusTest
class NearestToneProfilesTest {

    private record Point(String name, boolean preset, int p, int f, int fw, int e) {

        double distanceTo(int[] q) {
            return Math.sqrt(Math.pow(p - q[0], 2) + Math.pow(f - q[1], 2) + Math.pow(fw - q[2], 2) + Math.pow(e - q[3], 2));
        }
    }

    private static final List<Point> PRESETS = List.of(
            new Point("Playful flirt", true, 9, 2, 7, 8), new Point("Warm and sincere", true, 4, 4, 4, 7),
            new Point("Witty banter", true, 8, 3, 5, 6), new Point("Direct and confident", true, 4, 4, 9, 5),
            new Point("Laid-back casual", true, 5, 2, 3, 3), new Point("Thoughtful and deep", true, 3, 6, 4, 6),
            new Point("Polite first contact", true, 3, 8, 3, 4), new Point("Enthusiastic", true, 7, 3, 6, 10));
    private static final List<Point> OWN = List.of(
            new Point("Exact", false, 4, 4, 4, 7), new Point("Near", false, 5, 4, 4, 7),
            new Point("Mid", false, 6, 6, 6, 6), new Point("Far", false, 10, 10, 10, 1));

    private UUID alice;

    @BeforeEach
    void createProfiles() {
        alice = TestDatabase.createUser("alice");
        for (Point point : OWN) {
            create(alice, point.name(), point.p(), point.f(), point.fw(), point.e());
        }
        UUID bob = TestDatabase.createUser("bob");
        create(bob, "Bob exact", 4, 4, 4, 7);
    }

    @Test
    void ordersOwnProfilesAndPresetsByDistance() {
        int[] query = {4, 4, 4, 7};
        JsonPath nearest = as(alice).queryParam("playfulness", 4).queryParam("formality", 4)
                .queryParam("forwardness", 4).queryParam("expressiveness", 7).queryParam("limit", 50)
                .when().get(NEAREST).then().statusCode(200)
                .body("items", hasSize(PRESET_COUNT + OWN.size()))
                .extract().jsonPath().using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        // Ties (the preset and the own profile at distance 0) put presets first, then by name.
        List<Point> expected = new java.util.ArrayList<>(PRESETS);
        expected.addAll(OWN);
        expected.sort(Comparator.<Point>comparingDouble(point -> point.distanceTo(query))
                .thenComparing(point -> !point.preset())
                .thenComparing(point -> point.name().toLowerCase(Locale.ROOT)));
        assertThat(nearest.getList("items.name", String.class))
                .containsExactlyElementsOf(expected.stream().map(Point::name).toList());
        assertThat(nearest.getList("items.name", String.class).subList(0, 3))
                .containsExactly("Warm and sincere", "Exact", "Near");
        for (int i = 0; i < expected.size(); i++) {
            assertThat(nearest.getDouble("items[" + i + "].distance")).as(expected.get(i).name())
                    .isCloseTo(expected.get(i).distanceTo(query), within(1e-9));
            assertThat(nearest.getBoolean("items[" + i + "].isPreset")).isEqualTo(expected.get(i).preset());
        }
        assertThat(nearest.getDouble("items[1].distance")).isZero();
        assertThat(nearest.getDouble("items[2].distance")).isEqualTo(1.0);
        assertThat(nearest.getString("items[1].id")).isNotNull();
        assertThat(nearest.getString("items[1].createdAt")).isNotNull();
    }

    @Test
    void returnsFiveByDefaultAndHonoursTheLimit() {
        as(alice).queryParam("playfulness", 10).queryParam("formality", 10).queryParam("forwardness", 10)
                .queryParam("expressiveness", 1)
                .when().get(NEAREST).then().statusCode(200)
                .body("items", hasSize(5))
                .body("items[0].name", org.hamcrest.Matchers.equalTo("Far"))
                .body("items[0].distance", org.hamcrest.Matchers.equalTo(0.0f));
        as(alice).queryParam("playfulness", 1).queryParam("formality", 1).queryParam("forwardness", 1)
                .queryParam("expressiveness", 1).queryParam("limit", 1)
                .when().get(NEAREST).then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void everyParameterIsChecked() {
        as(alice).when().get(NEAREST).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", containsInAnyOrder("playfulness", "formality", "forwardness", "expressiveness"));
        String[] axes = {"playfulness", "formality", "forwardness", "expressiveness"};
        for (String axis : axes) {
            for (String bad : new String[] {"0", "11", "abc", "4.5", "", "-1"}) {
                var request = as(alice);
                for (String other : axes) {
                    request = request.queryParam(other, other.equals(axis) ? bad : "5");
                }
                request.when().get(NEAREST).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                        .body("errors.field", org.hamcrest.Matchers.contains(axis));
            }
        }
        for (String limit : new String[] {"0", "51", "abc"}) {
            as(alice).queryParam("playfulness", 5).queryParam("formality", 5).queryParam("forwardness", 5)
                    .queryParam("expressiveness", 5).queryParam("limit", limit)
                    .when().get(NEAREST).then().statusCode(400).body("errors.field", hasItem("limit"));
        }
        as(alice).queryParam("playfulness", 5).queryParam("formality", 5).queryParam("forwardness", 5)
                .queryParam("expressiveness", 5).queryParam("limit", 50)
                .when().get(NEAREST).then().statusCode(200);
    }

    /**
     * The plan of the very statement the service sends, as the request role under row-level
     * security, with 2,000 profiles across 20 users: the user's branch is a KNN scan of the
     * (user_id, tone_vector) GiST index, as a one-off (custom) plan and as the generic plan a
     * cached prepared statement ends up with.
     */
    @Test
    void usesTheGistIndexForTheKnnScan() throws SQLException {
        UUID heavy = null;
        for (int u = 0; u < 20; u++) {
            UUID user = TestDatabase.createUser("knn" + u);
            TestDatabase.ownerExecute("insert into tone_profiles (id, user_id, name, playfulness, formality, forwardness,"
                    + " expressiveness) select gen_random_uuid(), ?, 'knn ' || g, 1 + g % 10, 1 + (g * 3) % 10,"
                    + " 1 + (g * 7) % 10, 1 + (g / 10) % 10 from generate_series(1, 100) g", user);
            heavy = user;
        }
        TestDatabase.ownerExecute("analyze tone_profiles");
        TestDatabase.ownerExecute("analyze tone_presets");

        try (Connection connection = TestDatabase.asRequestRole()) {
            connection.setAutoCommit(false);
            TestDatabase.query(connection, "select set_config('app.user_id', ?, true)", heavy.toString());
            TestDatabase.query(connection, "prepare nearest as " + dollarParameters(ToneProfileRepository.NEAREST));
            for (String mode : new String[] {"force_custom_plan", "force_generic_plan"}) {
                TestDatabase.query(connection, "set local plan_cache_mode = " + mode);
                String plan = String.join("\n", TestDatabase.query(connection,
                        "explain execute nearest('" + heavy + "', 4, 4, 4, 7, 5)"));
                assertThat(plan).as(mode + ":\n" + plan)
                        .contains("Index Scan using tone_profiles_user_tone_vector_idx on tone_profiles")
                        .containsPattern("Order By: \\(tone_profiles\\.tone_vector <-> |Order By: \\(tone_vector <-> ")
                        .doesNotContain("Seq Scan on tone_profiles");
            }
            connection.rollback();
        }
    }

    /** The repository's {@code ?N} parameters as PostgreSQL's {@code $N}, for PREPARE. */
    private static String dollarParameters(String sql) {
        Matcher parameter = Pattern.compile("\\?(\\d+)").matcher(sql);
        return parameter.replaceAll("\\$$1");
    }
}
