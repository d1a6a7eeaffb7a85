package io.flowgate.contracts.triggers;

import io.flowgate.contracts.FlowAction;
import io.flowgate.contracts.TenantSource;
import io.flowgate.contracts.mapping.ValueTemplate;

import java.util.Optional;

/**
 * One entry of a contract's {@code x-flow-triggers}, compiled at publish time: each record of a Kafka topic, read
 * by a consumer group, starts an instance of a flow or is correlated to the one instance waiting for it.
 *
 * @param contractName owning contract
 * @param index        position in {@code x-flow-triggers}, from 0
 * @param kafka        topic and consumer group
 * @param flowId       {@code flow}: the process id
 * @param action       {@code action}: {@link FlowAction#START} or {@link FlowAction#CORRELATE}
 * @param message      {@code message} (correlate), else null
 * @param businessKey  {@code business-key} template, empty when absent (required for correlate)
 * @param mapping      record → business key and variables ({@code variables}, or every top-level property of the
 *                     value)
 * @param tenant       {@code tenant}: the tenant its starts get and its correlations stay in — a fixed one, or (for
 *                     a correlation) the instance's; {@link TenantSource#NONE} when absent
 */
public record FlowTrigger(String contractName, int index, KafkaSource kafka, String flowId, FlowAction action,
                          String message, Optional<ValueTemplate> businessKey, EventMapping mapping,
                          TenantSource tenant) {

    public FlowTrigger {
        tenant = tenant == null ? TenantSource.NONE : tenant;
    }

    /** Where it is declared, e.g. {@code x-flow-triggers[0]}; findings about it carry this as their path. */
    public String location() {
        return location(index);
    }

    public static String location(int index) {
        return "x-flow-triggers[" + index + "]";
    }

    /** "restaurant x-flow-triggers[0] (stock.external/flowgate → start restock-review)": for logs and findings. */
    public String label() {
        return contractName + " " + location() + " (" + kafka.topic() + "/" + kafka.group() + " → " + action.value()
                + " " + flowId + (message == null ? "" : " message " + message) + ")";
    }

    /** @throws EventMappingFailed when the record does not have what the mapping needs */
    public MappedEvent map(TriggerEvent event) {
        return mapping.map(event);
    }
}
