package app.tonehone.common.http;

import app.tonehone.common.error.ApiException;
import java.util.UUID;

/** Ids in paths: one that is not a UUID names nothing, so it is a 404 like any unknown id (never a 400 or 500). */
public final class PathIds {

    private PathIds() {
    }

    public static UUID parse(String raw, String what) {
        try {
            if (raw != null && raw.length() == 36) {
                return UUID.fromString(raw);
            }
        } catch (IllegalArgumentException e) {
            // falls through to 404
        }
        throw ApiException.notFound(what);
    }
}
