package app.tonehone.common.pagination;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a cursor is valid for: the user who asked, the list (endpoint), the order of its pages
 * and its filters (name to canonical value, e.g. {@code platform=hinge}; leave out absent
 * ones). A cursor signed for one scope is refused in any other, so a cursor cannot be
 * replayed by another user, on another list, or with other filters.
 */
public record CursorScope(UUID userId, String endpoint, String order, SortedMap<String, String> filters) {

    public CursorScope {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(order, "order");
        filters = Collections.unmodifiableSortedMap(new TreeMap<>(filters));
    }

    public static CursorScope of(UUID userId, String endpoint, String order) {
        return new CursorScope(userId, endpoint, order, new TreeMap<>());
    }

    public static CursorScope of(UUID userId, String endpoint, String order, Map<String, String> filters) {
        return new CursorScope(userId, endpoint, order, new TreeMap<>(filters));
    }
}
