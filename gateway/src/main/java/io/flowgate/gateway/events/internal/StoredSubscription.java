package io.flowgate.gateway.events.internal;

import io.flowgate.connectors.events.StoredEvent;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A webhook subscription as stored, secret included (it never leaves the gateway after the create answer).
 *
 * @param tenant  null: every tenant's events (made by the platform admin); else only that tenant's
 * @param fromSeq the outbox's last seq when it was made: it receives the events after it
 */
public record StoredSubscription(String id, URI url, List<String> eventTypes, String secret, String description,
                                 String tenant, long fromSeq, Instant createdAt, String createdBy) {

    public StoredSubscription {
        eventTypes = List.copyOf(eventTypes);
    }

    /** Whether the event goes to this subscription. */
    public boolean accepts(StoredEvent row) {
        return row.seq() > fromSeq && EventPatterns.matches(eventTypes, row.event().type())
                && (tenant == null || tenant.equals(row.event().tenant()));
    }
}
