package io.flowgate.gateway.users;

import io.flowgate.gateway.auth.Caller;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * A user as the API shows it: never the password hash.
 *
 * @param username  {@code [a-z0-9][a-z0-9._-]{1,63}}
 * @param roles     role names, sorted, without duplicates
 * @param tenant    null for a platform-wide user
 * @param createdAt when the user was created
 * @param updatedAt when the user was last changed
 */
public record User(String username, List<String> roles, @Nullable String tenant, Instant createdAt,
                   Instant updatedAt) {

    public User {
        roles = sorted(roles);
    }

    /** Role {@code admin} and no tenant: administers every tenant. */
    public boolean platformAdmin() {
        return tenant == null && roles.contains(Caller.ADMIN_ROLE);
    }

    static List<String> sorted(Collection<String> roles) {
        return roles.stream().distinct().sorted().toList();
    }
}
