package io.flowgate.gateway.authz;

import java.util.ArrayList;
import java.util.List;

/**
 * Which role grants an admin sees and may replace. The platform admin: every grant, in every domain. A tenant admin:
 * the grants of its own tenant's domain only — it neither sees nor writes grants of other tenants or of every
 * tenant ({@code *}), which could make anyone an admin anywhere.
 */
public final class GrantScope {

    private GrantScope() {
    }

    /** Whether the admin sees this grant (stored or from the policy file). */
    public static boolean sees(AdminScope scope, Grant grant) {
        return scope.platform() || scope.admin() && scope.tenant().equals(grant.domain());
    }

    /**
     * A tenant admin's grants must all be in its own domain; a grant without a domain is left to validation (400).
     *
     * @throws io.flowgate.gateway.problem.GatewayProblem 403 {@code insufficient-scope} naming {@code platform-admin},
     *                                                    listing every grant outside the domain
     */
    public static void checkReplace(AdminScope scope, List<Grant> grants) {
        if (scope.platform()) {
            return;
        }
        if (!scope.admin()) {
            throw AuthzProblems.insufficientScope("changing grants", Scope.TENANT_ADMIN, scope);
        }
        List<String> outside = new ArrayList<>();
        for (int i = 0; i < grants.size(); i++) {
            String domain = grants.get(i).domain();
            if (domain != null && !domain.equals(scope.tenant())) {
                outside.add("grants[" + i + "] in " + (Grant.ANY_TENANT.equals(domain) ? "every tenant (*)"
                        : "tenant '" + domain + "'"));
            }
        }
        if (!outside.isEmpty()) {
            throw AuthzProblems.insufficientScope(String.join(", ", outside), Scope.PLATFORM_ADMIN, scope);
        }
    }
}
