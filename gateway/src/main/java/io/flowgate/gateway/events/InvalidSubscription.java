package io.flowgate.gateway.events;

import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.problem.Problem;

/** 400: a field of a subscription request is missing or wrong; the problem names it in {@code field}. */
public class InvalidSubscription extends GatewayProblem {

    private final String field;

    public InvalidSubscription(String field, String detail) {
        super(Problem.of(400, "invalid-subscription", "Bad Request", detail).with("field", field));
        this.field = field;
    }

    public String field() {
        return field;
    }
}
