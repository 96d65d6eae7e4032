package app.tonehone.common.tenancy;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/** The signed-in user of this request: the UUID in the access token's {@code sub}. */
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;

    CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The caller's id; 401 when the request carries no valid token or its subject is not a user id. */
    public UUID id() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        try {
            return UUID.fromString(identity.getPrincipal().getName());
        } catch (IllegalArgumentException e) {
            throw new AuthenticationFailedException("the token's subject is not a user id");
        }
    }
}
