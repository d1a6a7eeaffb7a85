package io.flowgate.gateway.users;

import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.problem.Problem;

/** 404: no user with this name. */
public class UserNotFound extends GatewayProblem {

    public UserNotFound(String username) {
        super(Problem.of(404, "user-not-found", "Not Found", "there is no user '" + username + "'")
                .with("username", username));
    }
}
