package io.flowgate.connectors.kafka;

import io.flowgate.connectors.Connector;
import io.flowgate.connectors.ConnectorDescriptor;
import io.flowgate.connectors.ConnectorErrorSpec;
import io.flowgate.connectors.ConnectorParameter;
import io.flowgate.connectors.ConnectorRequest;
import io.flowgate.connectors.inputs.Inputs;
import io.flowgate.connectors.kafka.internal.PublishInputs;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code kafka.publish}: publishes one record — topic, optional key, a JSON value, optional headers — and waits until
 * Kafka has acknowledged it on every in-sync replica (idempotent producer, {@code acks=all}; see
 * {@link KafkaPublisher}). Bad inputs are the business error {@code INVALID_INPUT}; a broker that does not acknowledge
 * within {@code flowgate.kafka.delivery-timeout} is a technical fault ({@link KafkaPublishFailed}: retry, then
 * incident).
 *
 * <p><b>At least once.</b> A job retried after a lost acknowledgement or a failure later in the same transaction
 * publishes again. Every record therefore carries the header {@value PublishInputs#IDEMPOTENCY_HEADER}, the
 * {@link ConnectorRequest#idempotencyKey()} ({@code instanceId:activityId}), the same for every attempt of the task:
 * consumers deduplicate on it.
 *
 * <p>Always registered, so it is in the catalogue and the element templates; on a node without
 * {@code flowgate.kafka.bootstrap-servers} it reports itself {@linkplain #unavailableReason() unavailable} and flows
 * using it are refused at deploy.
 */
@Singleton
public final class KafkaPublishConnector implements Connector {

    public static final String ID = "kafka.publish";
    private static final Logger LOG = LoggerFactory.getLogger(KafkaPublishConnector.class);

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "Kafka publish",
            "Publishes one JSON record to a Kafka topic and waits for the acknowledgement of every in-sync replica; "
                    + "a retried task may publish again, with the same flowgate-idempotency-key header.",
            List.of(new ConnectorParameter("topic", "string", true,
                            "Topic: 1 to 249 letters, digits, '.', '_' or '-'; internal topics (__…) are refused"),
                    new ConnectorParameter("key", "string", false,
                            "Record key (partitioning, compaction), up to 4096 bytes; none → no key"),
                    new ConnectorParameter("value", "object", true,
                            "JSON value: object, array, number, boolean or text; text holding a JSON object or array "
                                    + "is sent as that JSON, other text as a JSON string"),
                    new ConnectorParameter("headers", "object", false,
                            "Record headers, name → text (flowgate-idempotency-key is always set by Flowgate)")),
            List.of(new ConnectorParameter("topic", "string", false, "Topic the record was stored in"),
                    new ConnectorParameter("partition", "integer", false, "Partition the record was stored in"),
                    new ConnectorParameter("offset", "integer", false, "Offset of the record in its partition")),
            List.of(new ConnectorErrorSpec(Inputs.INVALID_INPUT, "An input is missing or malformed (a bad topic "
                    + "name, a value that is not JSON or larger than flowgate.kafka.max-value-size, bad headers); "
                    + "nothing was published.")), false);

    private final KafkaPublisher publisher;

    public KafkaPublishConnector(KafkaPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Optional<String> unavailableReason() {
        return publisher.unavailableReason();
    }

    @Override
    public Map<String, Object> execute(ConnectorRequest request) {
        KafkaPublisher.Message message = PublishInputs.read(request, publisher.settings().getMaxValueSize());
        KafkaPublisher.Published published = publisher.publish(message);
        LOG.debug("kafka.publish {} → {}-{}@{}", request.idempotencyKey(), published.topic(), published.partition(),
                published.offset());
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("topic", published.topic());
        outputs.put("partition", published.partition());
        outputs.put("offset", published.offset());
        return outputs;
    }
}
