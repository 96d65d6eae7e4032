package app.tonehone.common.error;

import java.util.List;

/**
 * A 400 naming the invalid fields or parameters ({@code limit}, {@code cursor},
 * {@code playfulness}), for checks made in code rather than by Bean Validation. Like every
 * {@link ApiException}, its messages go to the client, so they never quote the input.
 */
public class InvalidFieldsException extends ApiException {

    private final transient List<Problem.FieldError> errors;

    public InvalidFieldsException(List<Problem.FieldError> errors) {
        super(400, "The request has invalid fields");
        this.errors = List.copyOf(errors);
    }

    public static InvalidFieldsException of(String field, String message) {
        return new InvalidFieldsException(List.of(new Problem.FieldError(field, message)));
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
