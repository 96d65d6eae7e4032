package app.tonehone.common.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;
import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Problems for the failures the HTTP layer answers before any REST resource is involved:
 * an address no route serves (404) and a body over the size limit (413).
 */
@ApplicationScoped
public class HttpLayerProblems {

    /** Batch imports may carry 1,000 messages of 10,000 characters of up to 4 bytes each. */
    private static final Pattern BATCH_IMPORT = Pattern.compile("^/api/v1/conversations/[^/]+/messages/batch/?$");

    private final ObjectMapper json;
    private final long maxBodySize;
    private final long maxBatchBodySize;

    HttpLayerProblems(ObjectMapper json,
                      @ConfigProperty(name = "tonehone.http.max-body-size", defaultValue = "1M") MemorySize maxBodySize,
                      @ConfigProperty(name = "tonehone.http.max-batch-body-size", defaultValue = "48M")
                      MemorySize maxBatchBodySize) {
        this.json = json;
        this.maxBodySize = maxBodySize.asLongValue();
        this.maxBatchBodySize = maxBatchBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        // Per-route limits on the declared Content-Length: 1 MB, and 48 MB for batch imports.
        // Quarkus's own limit (quarkus.http.limits.max-body-size, the batch limit) still bounds
        // bodies sent without a length, and would answer an empty 413: this runs first.
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long limit = BATCH_IMPORT.matcher(ctx.normalizedPath()).matches() ? maxBatchBodySize : maxBodySize;
            if (declared != null && isOver(declared, limit)) {
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                write(ctx, 413, "The request body is too large");
            } else {
                ctx.next();
            }
        });
        // Runs only when no other route (REST resources, /q/*) took the request.
        router.route().order(Integer.MAX_VALUE).handler(ctx -> write(ctx, 404, "No resource at this address"));
        router.errorHandler(404, ctx -> write(ctx, 404, "No resource at this address"));
        router.errorHandler(413, ctx -> write(ctx, 413, "The request body is too large"));
    }

    private static boolean isOver(String declaredLength, long limit) {
        try {
            return Long.parseLong(declaredLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void write(RoutingContext ctx, int status, String detail) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        try {
            byte[] body = json.writeValueAsBytes(Problems.of(status, detail));
            ctx.response()
                    .setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(io.vertx.core.buffer.Buffer.buffer(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            ctx.response().setStatusCode(status).end();
        }
    }
}
