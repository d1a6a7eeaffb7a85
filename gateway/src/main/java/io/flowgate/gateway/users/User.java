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
 * @param disabled  a disabled user cannot log in, and its tokens are refused
 * @param createdAt when the user was created
 * @param updatedAt when the user was last changed
 */
public record User(String username, List<String> roles, @Nullable String tenant, boolean disabled,
                   Instant createdAt, Instant updatedAt) {

    public User {
        roles = sorted(roles);
    }

    /** Role {@code admin}, no tenant and not disabled: administers every tenant. */
    public boolean platformAdmin() {
        return tenant == null && roles.contains(Caller.ADMIN_ROLE) && !disabled;
    }

    static List<String> sorted(Collection<String> roles) {
        return roles.stream().distinct().sorted().toList();
    }
}
