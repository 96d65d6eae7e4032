package app.tonehone.common.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Problems for the failures the HTTP layer answers before any REST resource is involved:
 * an address no route serves (404) and a body over the size limit (413).
 */
@ApplicationScoped
public class HttpLayerProblems {

    private final ObjectMapper json;

    HttpLayerProblems(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        // Runs only when no other route (REST resources, /q/*) took the request.
        router.route().order(Integer.MAX_VALUE).handler(ctx -> write(ctx, 404, "No resource at this address"));
        router.errorHandler(404, ctx -> write(ctx, 404, "No resource at this address"));
        router.errorHandler(413, ctx -> write(ctx, 413, "The request body is too large"));
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
