package io.flowgate.gateway.users;

import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.problem.Problem;

/** 409: the username is taken. */
public class UserAlreadyExists extends GatewayProblem {

    public UserAlreadyExists(String username) {
        super(Problem.of(409, "user-exists", "Conflict", "a user '" + username + "' already exists")
                .with("username", username));
    }
}
