package app.tonehone.common.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Problems for the failures the HTTP layer answers before any REST resource is involved:
 * an address no route serves (404) and a body over the size limit (413).
 */
@ApplicationScoped
public class HttpLayerProblems {

    private final ObjectMapper json;
    private final long maxBodySize;

    HttpLayerProblems(ObjectMapper json,
                      @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.json = json;
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        // Quarkus itself answers a declared Content-Length over the limit with an empty 413;
        // this runs first and answers the same with a problem document.
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && isOver(declared)) {
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

    private boolean isOver(String declaredLength) {
        try {
            return Long.parseLong(declaredLength.trim()) > maxBodySize;
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
