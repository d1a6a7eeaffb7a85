package io.flowgate.connectors.events;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One event Flowgate emits, shaped like a CloudEvent: {@code id} (consumers deduplicate by it), {@code type} (e.g.
 * {@code order.paid}), {@code time}, the {@code tenant} it belongs to (null: not tenant-scoped), the {@code subject}
 * it is about (an order id, an instance id, a contract name — also the ordering key) and its {@code data}.
 *
 * @param data JSON-like values only (String, Number, Boolean, Map, List, null)
 */
public record OutboxEvent(String id, String type, Instant time, String tenant, String subject,
                          Map<String, Object> data) {

    /** CloudEvents {@code source} of every Flowgate event. */
    public static final String SOURCE = "/flowgate";

    public OutboxEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subject, "subject");
        data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** A new event with a random id, happening now. */
    public static OutboxEvent of(String type, String tenant, String subject, Map<String, Object> data) {
        return new OutboxEvent(UUID.randomUUID().toString(), type, Instant.now(), tenant, subject, data);
    }

    /** The family a type belongs to ({@code order} for {@code order.paid}): one Kafka topic per family. */
    public String family() {
        int dot = type.indexOf('.');
        return dot < 0 ? type : type.substring(0, dot);
    }

    /** The event as CloudEvents 1.0 structured JSON (the tenant as the extension attribute {@code tenant}). */
    public Map<String, Object> toCloudEvent() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("source", SOURCE);
        event.put("type", type);
        event.put("subject", subject);
        event.put("time", time.toString());
        if (tenant != null) {
            event.put("tenant", tenant);
        }
        event.put("datacontenttype", "application/json");
        event.put("data", data);
        return event;
    }
}
