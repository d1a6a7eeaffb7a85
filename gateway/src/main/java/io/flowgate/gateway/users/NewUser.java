package io.flowgate.gateway.users;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A user to create ({@code POST /admin/users}). Checked by {@link UserDirectory#create(NewUser)}.
 *
 * @param tenant null for a platform-wide user
 */
public record NewUser(String username, String password, List<String> roles, @Nullable String tenant) {

    public NewUser {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    @Override
    public String toString() {
        return "NewUser[" + username + ", roles=" + roles + ", tenant=" + tenant + "]";
    }
}
