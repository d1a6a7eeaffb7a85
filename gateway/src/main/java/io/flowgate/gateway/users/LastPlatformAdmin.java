package io.flowgate.gateway.users;

import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.problem.Problem;

/** 409: the change would leave the platform without an admin (role {@code admin}, no tenant). */
public class LastPlatformAdmin extends GatewayProblem {

    public LastPlatformAdmin(String username) {
        super(Problem.of(409, "last-platform-admin", "Conflict", "'" + username + "' is the last platform admin "
                        + "(role admin, no tenant); make another user platform admin first")
                .with("username", username));
    }
}
