package io.flowgate.gateway.users;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A change to a user ({@code PUT /admin/users/{username}}): what is absent stays as it is.
 *
 * @param password    new password, null to keep the current one
 * @param roles       new roles (replacing the current ones), null to keep them
 * @param tenantGiven whether {@code tenant} was sent; a sent {@code null} makes the user platform-wide
 * @param tenant      the new tenant when {@code tenantGiven}
 * @param disabled    true disables the user, false enables it again, null keeps it as it is
 */
public record UserChange(@Nullable String password, @Nullable List<String> roles, boolean tenantGiven,
                         @Nullable String tenant, @Nullable Boolean disabled) {

    public UserChange {
        roles = roles == null ? null : List.copyOf(roles);
    }

    /** A change that leaves {@code disabled} as it is. */
    public UserChange(@Nullable String password, @Nullable List<String> roles, boolean tenantGiven,
                      @Nullable String tenant) {
        this(password, roles, tenantGiven, tenant, null);
    }

    @Override
    public String toString() {
        return "UserChange[password=" + (password == null ? "unchanged" : "***") + ", roles=" + roles
                + (tenantGiven ? ", tenant=" + tenant : "") + (disabled == null ? "" : ", disabled=" + disabled)
                + "]";
    }
}
