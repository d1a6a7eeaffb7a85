package io.flowgate.gateway.users;

import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.problem.Problem;

/** 400: a field of a user request is missing or wrong; the problem names it in {@code field}. */
public class InvalidUserField extends GatewayProblem {

    private final String field;

    public InvalidUserField(String field, String detail) {
        super(Problem.of(400, "invalid-user", "Bad Request", detail).with("field", field));
        this.field = field;
    }

    public String field() {
        return field;
    }
}
