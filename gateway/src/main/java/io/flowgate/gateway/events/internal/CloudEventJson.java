package io.flowgate.gateway.events.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.connectors.events.OutboxEvent;

/** An event as the CloudEvents 1.0 structured JSON both transports send ({@link OutboxEvent#toCloudEvent()}). */
final class CloudEventJson {

    /** CloudEvents structured mode over HTTP and Kafka. */
    static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudEventJson() {
    }

    static String of(OutboxEvent event) {
        try {
            return JSON.writeValueAsString(event.toCloudEvent());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.id() + " cannot be written as JSON", e);
        }
    }
}
