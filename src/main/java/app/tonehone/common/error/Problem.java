package app.tonehone.common.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document, the body of every error the service answers. {@code errors}
 * lists field-level validation failures; it is absent otherwise.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: a JSON path such as {@code messages[3].content}, and what is wrong. */
    public record FieldError(String field, String message) {
    }
}
