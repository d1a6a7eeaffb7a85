package io.flowgate.gateway.events;

import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.problem.Problem;

/** 404: the subscription has no dead letter for this event (never parked, already replayed or discarded). */
public class DeadLetterNotFound extends GatewayProblem {

    public DeadLetterNotFound(String subscriptionId, String eventId) {
        super(Problem.of(404, "dead-letter-not-found", "Not Found", "subscription '" + subscriptionId
                + "' has no dead letter for event '" + eventId + "'")
                .with("subscriptionId", subscriptionId).with("eventId", eventId));
    }
}
