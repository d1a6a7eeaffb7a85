package io.flowgate.gateway.auth;

import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.problem.Problem;

import java.util.Map;

/**
 * The 401 answers of authentication, each carrying {@code WWW-Authenticate} (RFC 9110 §11.6.1, RFC 6750 §3).
 * Details are fixed sentences: they tell a client what to fix, never which key, library or check failed inside.
 */
public final class AuthProblems {

    public static final String REALM = "flowgate";
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";

    private AuthProblems() {
    }

    /** A protected route called without credentials. */
    public static GatewayProblem missingCredentials() {
        return new GatewayProblem(
                Problem.of(401, "unauthenticated", "Unauthorized",
                        "this resource needs a bearer token (get one from POST /auth/token)"),
                Map.of(WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\""));
    }

    /**
     * Credentials were sent but are not valid.
     *
     * @param reason why, in words safe to show a client (no quotes or backslashes: it goes into a header)
     */
    public static GatewayProblem invalidToken(String reason) {
        return new GatewayProblem(
                Problem.of(401, "invalid-token", "Unauthorized", reason),
                Map.of(WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\", error=\"invalid_token\", "
                        + "error_description=\"" + reason.replaceAll("[\"\\\\\\p{Cntrl}]", "") + "\""));
    }

    /** {@code POST /auth/token} with a wrong username or password: the same answer for both. */
    public static GatewayProblem invalidCredentials() {
        return new GatewayProblem(
                Problem.of(401, "invalid-credentials", "Unauthorized", "wrong username or password"),
                Map.of(WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\""));
    }
}
