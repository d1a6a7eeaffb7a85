package io.flowgate.gateway.events;

import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.problem.Problem;

/** 404: no subscription with this id (or none the caller's tenant may see). */
public class SubscriptionNotFound extends GatewayProblem {

    public SubscriptionNotFound(String id) {
        super(Problem.of(404, "subscription-not-found", "Not Found", "there is no subscription '" + id + "'")
                .with("subscriptionId", id));
    }
}
