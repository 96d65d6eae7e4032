package app.tonehone.common.ratelimit;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The general budget: every request that carries a valid token counts against its user's
 * limit. Requests without one pass on (their endpoint answers 401 if it needs a user).
 */
public class UserRequestBudget {

    private final CurrentIdentityAssociation identities;
    private final RateLimiter limiter;
    private final RateLimitConfig config;

    UserRequestBudget(CurrentIdentityAssociation identities, RateLimiter limiter, RateLimitConfig config) {
        this.identities = identities;
        this.limiter = limiter;
        this.config = config;
    }

    @ServerRequestFilter
    public Uni<Response> countRequest() {
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .chain(identity -> identity == null || identity.isAnonymous()
                        ? Uni.createFrom().nullItem()
                        : count(identity));
    }

    private Uni<Response> count(SecurityIdentity identity) {
        return limiter.enforce("user", identity.getPrincipal().getName(), config.requestsPerUser(), config.requestsWindow())
                .replaceWith((Response) null);
    }
}
