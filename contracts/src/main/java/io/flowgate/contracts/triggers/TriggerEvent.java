package io.flowgate.contracts.triggers;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;

/**
 * One received record, as a trigger's templates read it: {@code {value.x}}, {@code {key}}, {@code {headers.x}}
 * (names ignoring case) and {@code {event.id}}, {@code {event.topic}}, {@code {event.partition}},
 * {@code {event.offset}}, {@code {event.timestamp}}.
 *
 * @param id        the message id (a header or the record's position), see the gateway's triggers
 * @param topic     where it was read
 * @param partition its partition
 * @param offset    its offset
 * @param timestamp the record's timestamp, may be null
 * @param key       the record key as UTF-8 text, may be null
 * @param value     the record value, parsed as JSON
 * @param headers   header name → UTF-8 text (the last value of a repeated header)
 */
public record TriggerEvent(String id, String topic, int partition, long offset, Instant timestamp, String key,
                           JsonNode value, Map<String, String> headers) {

    public TriggerEvent {
        headers = Map.copyOf(headers);
    }
}
