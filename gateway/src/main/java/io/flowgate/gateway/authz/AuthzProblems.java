package io.flowgate.gateway.authz;

import io.flowgate.gateway.auth.AuthProblems;
import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.problem.Problem;

import java.util.Collection;
import java.util.List;

/** The answers of authorization: 401 for anonymous callers (with {@code WWW-Authenticate}), 403 otherwise. */
public final class AuthzProblems {

    public static final String FORBIDDEN = "forbidden";
    /** The code of a refusal for want of a {@link Scope}: the problem's {@code requiredScope} names it. */
    public static final String INSUFFICIENT_SCOPE = "insufficient-scope";

    private AuthzProblems() {
    }

    /** Anonymous caller of something that is not public. */
    public static GatewayProblem unauthenticated() {
        return AuthProblems.missingCredentials();
    }

    /**
     * An authenticated caller without the roles needed.
     *
     * @param what          the operation, in words ("POST /refunds (createRefund) of contract 'restaurant'")
     * @param requiredRoles roles any of which would allow it
     */
    public static GatewayProblem forbidden(String what, Collection<String> requiredRoles) {
        List<String> roles = requiredRoles.stream().sorted().toList();
        String detail = what + " needs " + (roles.size() == 1 ? "the role " + roles.get(0)
                : "one of the roles " + String.join(", ", roles)) + " in your tenant";
        return new GatewayProblem(Problem.of(403, FORBIDDEN, "Forbidden", detail).with("requiredRoles", roles));
    }

    /**
     * An authenticated caller without the scope an action needs (a tenant admin publishing a contract, a non-admin
     * on the admin API). The detail names the scope; {@code requiredScope} carries it for programs.
     *
     * @param what  the action, in words ("POST /admin/contracts", "a user without tenant")
     * @param needed the scope that would allow it
     * @param held   the caller's scope
     */
    public static GatewayProblem insufficientScope(String what, Scope needed, AdminScope held) {
        String detail = what + " needs the " + needed.label() + " scope (" + meaning(needed) + "); you are "
                + held.describe();
        return new GatewayProblem(Problem.of(403, INSUFFICIENT_SCOPE, "Forbidden", detail)
                .with("requiredScope", needed.label()));
    }

    private static String meaning(Scope scope) {
        return switch (scope) {
            case PLATFORM_ADMIN -> "role admin without a tenant";
            case TENANT_ADMIN -> "role admin";
            default -> "a signed-in caller";
        };
    }

    /** A 403 with a detail of its own (task inbox rules, separation of duties). */
    public static GatewayProblem forbidden(String code, String detail) {
        return new GatewayProblem(Problem.of(403, code, "Forbidden", detail));
    }
}
