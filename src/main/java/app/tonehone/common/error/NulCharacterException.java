package app.tonehone.common.error;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A JSON string holding U+0000: PostgreSQL text cannot store it, so the request is a 400. */
public class NulCharacterException extends MismatchedInputException {

    public NulCharacterException(JsonParser parser) {
        super(parser, "NUL character in a string", String.class);
    }
}
