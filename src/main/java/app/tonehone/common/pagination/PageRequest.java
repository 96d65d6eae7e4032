package app.tonehone.common.pagination;

import app.tonehone.common.http.QueryParameters;

/**
 * The {@code ?limit=&cursor=} of every list (API.md): limit 1..200, default 50 (else a 400
 * naming {@code limit}); an empty cursor is no cursor (the first page).
 */
public record PageRequest(int limit, String cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static PageRequest of(String limit, String cursor) {
        return new PageRequest(QueryParameters.integer("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT),
                cursor == null || cursor.isEmpty() ? null : cursor);
    }
}
