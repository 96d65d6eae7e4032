package app.tonehone.common.error;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Bodies that are not the JSON we expect: malformed JSON, a wrong type, an unknown enum
 * value, a NUL character. Always 400. Jackson's own messages quote the input, which may be
 * someone's message, so the detail is built here from the path and the expected type only.
 */
public class JsonProblemMapper {

    @ServerExceptionMapper
    public Response map(JsonParseException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return Problems.response(400, "The body is not well-formed JSON" + where);
    }

    @ServerExceptionMapper
    public Response map(MismatchedInputException e) {
        return mapping(e);
    }

    @ServerExceptionMapper
    public Response map(JsonMappingException e) {
        return mapping(e);
    }

    @ServerExceptionMapper
    public Response map(JsonProcessingException e) {
        return switch (e) {
            case JsonParseException parse -> map(parse);
            case JsonMappingException mapping -> mapping(mapping);
            default -> Problems.response(400, "The body could not be read as JSON");
        };
    }

    private static Response mapping(JsonMappingException e) {
        String field = fieldPath(e.getPath());
        String message = expectation(e);
        if (field.isEmpty()) {
            return Problems.response(400, "The body " + message);
        }
        return Problems.response(Problems.of(400, "The request has invalid fields",
                List.of(new Problem.FieldError(field, message))));
    }

    private static String expectation(JsonMappingException e) {
        if (e instanceof NulCharacterException) {
            return "must not contain NUL characters";
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return "must be one of " + enumValues(invalid.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + describe(mismatch.getTargetType());
        }
        return "has an invalid value";
    }

    private static String enumValues(Class<?> enumType) {
        StringBuilder values = new StringBuilder();
        for (Object constant : enumType.getEnumConstants()) {
            if (!values.isEmpty()) {
                values.append(", ");
            }
            values.append(constant.toString());
        }
        return values.toString();
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 timestamp";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    static String fieldPath(List<JsonMappingException.Reference> path) {
        StringBuilder name = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                name.append('[').append(reference.getIndex()).append(']');
            }
        }
        return name.toString();
    }
}
