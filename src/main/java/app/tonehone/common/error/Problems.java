package app.tonehone.common.error;

import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem+json responses; the one place that knows the document's shape. */
public final class Problems {

    private static final String TYPE_BASE = "https://tonehone.app/problems/";

    private Problems() {
    }

    public static Problem of(int status, String detail) {
        return of(status, detail, null);
    }

    public static Problem of(int status, String detail, List<Problem.FieldError> errors) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : titleOf(status);
        return new Problem(TYPE_BASE + slug(title), title, status, detail, errors);
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    public static Response response(int status, String detail) {
        return response(of(status, detail));
    }

    private static String titleOf(int status) {
        return switch (status) {
            case 413 -> "Content Too Large";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            default -> status >= 500 ? "Server Error" : "Client Error";
        };
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
