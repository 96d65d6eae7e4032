package app.tonehone.common.http;

import app.tonehone.common.error.InvalidFieldsException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.util.Map;

/**
 * Reads PATCH bodies as merge patches. Resources take the body as a {@link JsonNode} and
 * hand the parsed {@link MergePatch} to their service, which applies it to the current state
 * inside its transaction.
 */
@ApplicationScoped
public class MergePatches {

    private final ObjectMapper json;
    private final Validator validator;

    MergePatches(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /**
     * A merge patch for {@code type}. The body must be a JSON object; its non-null values are
     * read as {@code type} at once, so a wrong type or a NUL character is a 400 naming the
     * field (through the JSON problem mapper) before any data is touched.
     */
    public <T> MergePatch<T> parse(JsonNode body, Class<T> type) throws JsonProcessingException {
        if (!(body instanceof ObjectNode patch)) {
            throw InvalidFieldsException.of("body", "must be a JSON object (a merge patch)");
        }
        ObjectNode values = patch.deepCopy();
        values.remove(patch.properties().stream().filter(member -> member.getValue().isNull())
                .map(Map.Entry::getKey).toList());
        json.treeToValue(values, type);
        return new MergePatch<>(patch, type, json, validator);
    }
}
