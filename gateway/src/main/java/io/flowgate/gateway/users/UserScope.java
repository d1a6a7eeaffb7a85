package io.flowgate.gateway.users;

import io.flowgate.gateway.authz.AdminScope;
import io.flowgate.gateway.authz.AuthzProblems;
import io.flowgate.gateway.authz.Scope;

import java.util.Objects;

/**
 * Which users an admin manages and where it may put them. The platform admin: every user, any tenant or none. A
 * tenant admin: only the users of its own tenant — any other user (of another tenant, without tenant, a platform
 * admin) does not exist for it and answers exactly as an unknown name — and every user it creates or changes stays
 * in its tenant, so the role {@code admin} it gives never reaches beyond it. Checked on the request, before anything
 * is written.
 */
public final class UserScope {

    private UserScope() {
    }

    /** Whether the admin sees and may change or delete this user; when not, the user answers as unknown. */
    public static boolean manages(AdminScope scope, User user) {
        return scope.covers(user.tenant());
    }

    /**
     * The user to create, placed in the admin's reach: a tenant admin's request without {@code tenant} gets its
     * own tenant.
     *
     * @throws io.flowgate.gateway.problem.GatewayProblem 403 {@code insufficient-scope} naming
     *                                                    {@code platform-admin} for any other tenant, or none
     */
    public static NewUser place(AdminScope scope, NewUser request) {
        if (scope.platform()) {
            return request;
        }
        requireAdmin(scope);
        if (!request.tenantGiven()) {
            return new NewUser(request.username(), request.password(), request.roles(), scope.tenant());
        }
        requireOwnTenant(scope, request.tenant(), "creating a user");
        return request;
    }

    /**
     * A change a tenant admin may make: password and roles of its users; their tenant stays.
     *
     * @throws io.flowgate.gateway.problem.GatewayProblem 403 {@code insufficient-scope} naming
     *                                                    {@code platform-admin} when it moves the user elsewhere
     */
    public static void checkChange(AdminScope scope, UserChange change) {
        if (scope.platform()) {
            return;
        }
        requireAdmin(scope);
        if (change.tenantGiven()) {
            requireOwnTenant(scope, change.tenant(), "moving a user");
        }
    }

    private static void requireOwnTenant(AdminScope scope, String tenant, String action) {
        if (!Objects.equals(scope.tenant(), tenant)) {
            String where = tenant == null ? " out of every tenant (a platform-wide user)" : " into tenant '" + tenant
                    + "'";
            throw AuthzProblems.insufficientScope(action + where, Scope.PLATFORM_ADMIN, scope);
        }
    }

    private static void requireAdmin(AdminScope scope) {
        if (!scope.admin()) {
            throw AuthzProblems.insufficientScope("managing users", Scope.TENANT_ADMIN, scope);
        }
    }
}
