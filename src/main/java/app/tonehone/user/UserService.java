package app.tonehone.user;

import app.tonehone.common.error.ApiException;
import app.tonehone.common.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class UserService {

    private final TenantTransactions tenant;
    private final UserRepository users;

    UserService(TenantTransactions tenant, UserRepository users) {
        this.tenant = tenant;
        this.users = users;
    }

    /** The caller's own account; 404 when it does not exist or was deleted. */
    public Uni<MeResponse> me(UUID userId) {
        return tenant.run(userId, () -> users.findById(userId)
                .map(user -> {
                    if (user == null || user.isDeleted()) {
                        throw ApiException.notFound("Account");
                    }
                    return MeResponse.of(user);
                }));
    }
}
