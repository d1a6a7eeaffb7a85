package io.flowgate.gateway.events.internal;

import io.flowgate.connectors.events.OutboxEvent;
import io.flowgate.connectors.kafka.KafkaPublisher;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An outbox event as a Kafka record: topic {@code <prefix><family>}, key = subject (so one subject's events share a
 * partition and keep their order), value = the CloudEvent JSON (structured mode), and headers naming the event so
 * consumers can deduplicate without parsing the value ({@code ce_id}, {@code flowgate-event-id}).
 */
final class KafkaRecords {

    static final String EVENT_ID_HEADER = "flowgate-event-id";

    private KafkaRecords() {
    }

    static KafkaPublisher.Message of(OutboxEvent event, String topicPrefix) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", CloudEventJson.CONTENT_TYPE);
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", event.id());
        headers.put("ce_type", event.type());
        headers.put("ce_source", OutboxEvent.SOURCE);
        headers.put("ce_subject", event.subject());
        if (event.tenant() != null) {
            headers.put("ce_tenant", event.tenant());
        }
        headers.put(EVENT_ID_HEADER, event.id());
        return new KafkaPublisher.Message(topicPrefix + event.family(), event.subject(),
                CloudEventJson.of(event).getBytes(StandardCharsets.UTF_8), headers);
    }
}
