package io.flowgate.gateway.events.internal;

import java.net.URI;

/** One event due for one subscription, with what sending it needs. */
public record Delivery(String subscriptionId, String eventId, long seq, String subject, String body, int attempts,
                       URI url, String secret) {

    /** The delivery's identity, for tracking it while in flight. */
    public String key() {
        return subscriptionId + "/" + eventId;
    }
}
