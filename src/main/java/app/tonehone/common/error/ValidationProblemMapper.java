package app.tonehone.common.error;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Bean Validation failures on request parameters and bodies: 400 with one entry per invalid
 * field, named as the client wrote it ({@code messages[3].content}, {@code limit}). The
 * rejected value is never echoed. A violated constraint on a return value is our bug: 500.
 */
public class ValidationProblemMapper {

    @ServerExceptionMapper
    public Response map(ConstraintViolationException e) {
        if (e.getConstraintViolations().stream().anyMatch(ValidationProblemMapper::isReturnValue)) {
            return UnexpectedProblemMapper.internalError(e);
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
        return Problems.response(Problems.of(400, "The request has invalid fields", errors));
    }

    private static boolean isReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /**
     * Drops the method node, and the parameter node when a property follows it (the body
     * parameter's own name means nothing to a client); keeps a lone parameter's name (a query
     * parameter).
     */
    static String fieldName(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        for (Iterator<Path.Node> it = path.iterator(); it.hasNext(); ) {
            Path.Node node = it.next();
            if (node.getKind() != ElementKind.METHOD && node.getKind() != ElementKind.CROSS_PARAMETER) {
                nodes.add(node);
            }
        }
        if (nodes.size() > 1 && nodes.getFirst().getKind() == ElementKind.PARAMETER) {
            nodes.removeFirst();
        }
        StringBuilder name = new StringBuilder();
        for (Path.Node node : nodes) {
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                // An element of a list of values (profilePhotos[3]); map values keep the map's name.
                if (node.isInIterable() && node.getIndex() != null) {
                    name.append('[').append(node.getIndex()).append(']');
                }
                continue;
            }
            if (node.isInIterable() && !name.isEmpty() && node.getIndex() != null) {
                name.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(node.getName());
            }
        }
        return name.isEmpty() ? "body" : name.toString();
    }
}
