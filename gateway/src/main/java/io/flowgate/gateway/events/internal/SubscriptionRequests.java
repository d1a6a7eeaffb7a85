package io.flowgate.gateway.events.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.gateway.events.InvalidSubscription;
import io.flowgate.gateway.events.NewSubscription;
import io.flowgate.gateway.problem.JsonBody;

import java.util.Set;

/**
 * Reads the JSON body of {@code POST /admin/subscriptions} by hand, so every mistake is a 400 naming its field (an
 * unknown field, often a typo such as {@code events}, is refused rather than ignored).
 */
public final class SubscriptionRequests {

    private static final JsonBody BODY = new JsonBody(InvalidSubscription::new);
    private static final Set<String> FIELDS = Set.of("url", "eventTypes", "secret", "description");

    private SubscriptionRequests() {
    }

    public static NewSubscription newSubscription(byte[] body) {
        JsonNode json = BODY.object(body, FIELDS);
        return new NewSubscription(BODY.text(json, "url"), BODY.strings(json, "eventTypes",
                "eventTypes must be an array such as [\"order.*\", \"instance.completed\"]",
                "eventTypes must hold strings"), BODY.text(json, "secret"), BODY.text(json, "description"));
    }
}
