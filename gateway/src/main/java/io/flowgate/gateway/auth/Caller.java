package io.flowgate.gateway.auth;

import java.util.Map;
import java.util.Set;

/**
 * Who is calling, as established by the {@link Authenticator}. The tenant always comes from the token, never from
 * a client header. Whether the caller is an admin, and of which tenants, is not read from here but decided by the
 * authorizer ({@code AdminScope}): the role {@code admin} may come from a grant as well as from the token.
 *
 * @param subject the authenticated user ({@code sub}), null when anonymous
 * @param tenant  the caller's tenant, null for platform-wide users (e.g. the platform admin)
 * @param roles   role names; candidate groups of user tasks are roles
 * @param claims  every claim of the token, for {@code {claims.X}} templates
 */
public record Caller(String subject, String tenant, Set<String> roles, Map<String, Object> claims) {

    public static final String ADMIN_ROLE = "admin";
    public static final Caller ANONYMOUS = new Caller(null, null, Set.of(), Map.of());

    public Caller {
        roles = Set.copyOf(roles);
        claims = Map.copyOf(claims);
    }

    public boolean authenticated() {
        return subject != null;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
