package app.tonehone.common.pagination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.tonehone.common.error.InvalidFieldsException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorCodecTest {

    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final UUID ALICE = UUID.fromString("0190a1b2-0000-7000-8000-00000000a11c");
    private static final UUID BOB = UUID.fromString("0190a1b2-0000-7000-8000-000000000b0b");
    private static final CursorScope SCOPE = CursorScope.of(ALICE, "GET /api/v1/things", "name, id", Map.of("platform", "hinge"));
    private static final List<String> KEY_VALUES = List.of("1", "zoë \"quoted\", with \\ and ✨", "0190a1b2-0000-7000-8000-000000000001");

    private final CursorCodec codec = new CursorCodec(KEY);

    @Test
    void roundTripsTheSortKeyInItsScope() {
        String cursor = codec.encode(SCOPE, KEY_VALUES);
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(codec.decode(SCOPE, cursor)).isEqualTo(KEY_VALUES);
        // The same scope built another way (filters in another order) is the same scope.
        CursorScope same = CursorScope.of(ALICE, "GET /api/v1/things", "name, id", Map.of("platform", "hinge"));
        assertThat(codec.decode(same, cursor)).isEqualTo(KEY_VALUES);
    }

    @Test
    void isRefusedInAnyOtherScope() {
        String cursor = codec.encode(SCOPE, KEY_VALUES);
        expectInvalid(CursorScope.of(BOB, "GET /api/v1/things", "name, id", Map.of("platform", "hinge")), cursor);
        expectInvalid(CursorScope.of(ALICE, "GET /api/v1/other-things", "name, id", Map.of("platform", "hinge")), cursor);
        expectInvalid(CursorScope.of(ALICE, "GET /api/v1/things", "id", Map.of("platform", "hinge")), cursor);
        expectInvalid(CursorScope.of(ALICE, "GET /api/v1/things", "name, id", Map.of("platform", "tinder")), cursor);
        expectInvalid(CursorScope.of(ALICE, "GET /api/v1/things", "name, id", Map.of()), cursor);
        expectInvalid(CursorScope.of(ALICE, "GET /api/v1/things", "name, id",
                Map.of("platform", "hinge", "archived", "true")), cursor);
    }

    @Test
    void scopePartsCannotBeShiftedIntoOneAnother() {
        CursorScope a = CursorScope.of(ALICE, "GET /x", "a", Map.of("k", "v"));
        CursorScope b = CursorScope.of(ALICE, "GET /x", "a\",[\"k\",\"v", Map.of());
        expectInvalid(b, codec.encode(a, KEY_VALUES));
    }

    @Test
    void refusesEveryAlteredTruncatedOrForgedCursor() {
        String cursor = codec.encode(SCOPE, KEY_VALUES);
        for (int i = 0; i < cursor.length(); i++) {
            char replacement = cursor.charAt(i) == 'A' ? 'B' : 'A';
            expectInvalid(SCOPE, cursor.substring(0, i) + replacement + cursor.substring(i + 1));
        }
        expectInvalid(SCOPE, cursor.substring(0, cursor.length() - 1));
        expectInvalid(SCOPE, cursor.substring(0, 20));
        expectInvalid(SCOPE, cursor + "A");
        expectInvalid(SCOPE, "");
        expectInvalid(SCOPE, "not a cursor!");
        expectInvalid(SCOPE, "a+b/c==");
        expectInvalid(SCOPE, "A".repeat(CursorCodec.MAX_CURSOR_LENGTH + 1));
        // Signed with another key.
        String otherKey = Base64.getEncoder().encodeToString(new byte[32]);
        expectInvalid(SCOPE, new CursorCodec(otherKey).encode(SCOPE, KEY_VALUES));
        // A valid MAC over the payload alone, without the scope, is not valid either.
        byte[] decoded = Base64.getUrlDecoder().decode(cursor);
        decoded[0] = 2;
        expectInvalid(SCOPE, Base64.getUrlEncoder().withoutPadding().encodeToString(decoded));
    }

    @Test
    void aPositionThatDoesNotParseIsAnInvalidCursor() {
        String cursor = codec.encode(SCOPE, List.of("not a number"));
        assertThatThrownBy(() -> codec.decode(SCOPE, cursor, key -> Integer.parseInt(key.getFirst())))
                .isInstanceOf(InvalidFieldsException.class);
        Integer position = codec.decode(SCOPE, codec.encode(SCOPE, List.of("42")), key -> Integer.parseInt(key.getFirst()));
        assertThat(position).isEqualTo(42);
    }

    @Test
    void pagesTakeOneRowMoreThanTheLimitAsTheSignOfANextPage() {
        Page<String> last = codec.page(SCOPE, List.of("a", "b"), 2, row -> List.of(row));
        assertThat(last.items()).containsExactly("a", "b");
        assertThat(last.nextCursor()).isNull();
        Page<String> more = codec.page(SCOPE, List.of("a", "b", "c"), 2, row -> List.of(row));
        assertThat(more.items()).containsExactly("a", "b");
        assertThat(codec.decode(SCOPE, more.nextCursor())).containsExactly("b");
        assertThat(more.map(String::toUpperCase).items()).containsExactly("A", "B");
    }

    @Test
    void refusesWeakOrMalformedKeys() {
        assertThatThrownBy(() -> new CursorCodec(Base64.getEncoder().encodeToString(new byte[31])))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> new CursorCodec("not base64 at all!"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("base64");
    }

    private void expectInvalid(CursorScope scope, String cursor) {
        assertThatThrownBy(() -> codec.decode(scope, cursor))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("cursor"));
                });
    }
}
