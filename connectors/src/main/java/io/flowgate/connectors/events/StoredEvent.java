package io.flowgate.connectors.events;

/** An outbox row: the event and its position ({@code seq}, increasing in insertion order). */
public record StoredEvent(long seq, OutboxEvent event) {
}
