package io.flowgate.gateway.users;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A user to create ({@code POST /admin/users}). Checked by {@link UserDirectory#create(NewUser)}.
 *
 * @param tenant      null for a platform-wide user
 * @param tenantGiven whether the request named the tenant (a tenant admin's request without one means its own)
 */
public record NewUser(String username, String password, List<String> roles, @Nullable String tenant,
                      boolean tenantGiven) {

    public NewUser {
        roles = roles == null ? List.of() : List.copyOf(roles);
        tenantGiven = tenantGiven || tenant != null;
    }

    /** A user whose tenant is what is given ({@code null}: platform-wide). */
    public NewUser(String username, String password, List<String> roles, @Nullable String tenant) {
        this(username, password, roles, tenant, tenant != null);
    }

    @Override
    public String toString() {
        return "NewUser[" + username + ", roles=" + roles + ", tenant=" + tenant + "]";
    }
}
