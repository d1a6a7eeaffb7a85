package io.flowgate.connectors.kafka;

/**
 * A record was not acknowledged by Kafka: no broker reachable, no answer within the delivery timeout, or the broker
 * refused it. A technical fault: the engine retries the job (which may publish the record again, with the same
 * idempotency key) and then raises an incident.
 */
public final class KafkaPublishFailed extends RuntimeException {

    private final String topic;

    public KafkaPublishFailed(String topic, String message, Throwable cause) {
        super("publishing to Kafka topic '" + topic + "' failed: " + message, cause);
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }
}
