package app.tonehone.common.error;

/**
 * A failure a service reports to the client on purpose (404 for another user's resource,
 * 409 for a conflict, ...). Its detail is shown to the client, so it never carries content.
 */
public class ApiException extends RuntimeException {

    private final int status;

    public ApiException(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, what + " not found");
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, detail);
    }
}
