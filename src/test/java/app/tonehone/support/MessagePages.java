package app.tonehone.support;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads a conversation's messages through the API, following nextCursor to the end. */
public final class MessagePages {

    private MessagePages() {
    }

    /** Every message, page by page, exactly as the API shows them; {@code afterSeq} may be null. */
    public static List<Map<String, Object>> walk(UUID user, String conversation, String order, Integer afterSeq, int limit) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(TestTokens.accessToken(user)).queryParam("limit", limit)
                    .queryParam("order", order);
            if (afterSeq != null) {
                request = request.queryParam("afterSeq", afterSeq);
            }
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/conversations/" + conversation + "/messages")
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            if (items.size() > limit) {
                throw new AssertionError("a page of " + items.size() + " items for limit " + limit);
            }
            all.addAll(items);
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return all;
    }
}
