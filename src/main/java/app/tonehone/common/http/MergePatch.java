package app.tonehone.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.Set;

/**
 * A JSON Merge Patch (RFC 7396) of a resource whose writable state is the record {@code T}:
 * an absent member leaves a field as it is, a value replaces it, {@code null} clears it.
 * Made by {@link MergePatches#parse}, which has already checked every value's type.
 * {@link #applyTo} merges it into the current state and validates the result with the same
 * Bean Validation rules as a full replacement, so a {@code null} for a required field is a
 * 400 naming that field.
 */
public final class MergePatch<T> {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private final ObjectNode patch;
    private final Class<T> type;
    private final ObjectMapper json;
    private final Validator validator;

    MergePatch(ObjectNode patch, Class<T> type, ObjectMapper json, Validator validator) {
        this.patch = patch;
        this.type = type;
        this.json = json;
        this.validator = validator;
    }

    /** The patched state; a ConstraintViolationException (400) when it breaks the rules of {@code T}. */
    public T applyTo(T current) {
        JsonNode merged = merge(json.valueToTree(current), patch);
        T result;
        try {
            result = json.treeToValue(merged, type);
        } catch (JsonProcessingException e) {
            // Every value of the patch was read as T when it was parsed; the current state is valid.
            throw new IllegalStateException("a type-checked merge patch did not convert", e);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(result);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return result;
    }

    /** RFC 7396, section 2: the patch's members replace, recursively merge into, or remove the target's. */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target instanceof ObjectNode object ? object.deepCopy()
                : JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), merge(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }
}
