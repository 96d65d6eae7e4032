package app.tonehone.common.ratelimit;

import app.tonehone.common.error.Problems;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 429 with Retry-After (whole seconds), as a problem document. */
public class RateLimitedMapper {

    @ServerExceptionMapper
    public Response map(RateLimitedException e) {
        return Response.fromResponse(Problems.response(429, "Too many requests; retry after "
                        + e.retryAfterSeconds() + " s"))
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .build();
    }
}
