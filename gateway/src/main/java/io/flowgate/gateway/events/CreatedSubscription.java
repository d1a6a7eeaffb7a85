package io.flowgate.gateway.events;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The answer to creating a subscription: the subscription and, this once, the secret deliveries are signed with. */
public record CreatedSubscription(@JsonUnwrapped Subscription subscription, String secret) {
}
