package io.flowgate.gateway.triggers;

import io.flowgate.connectors.kafka.KafkaSettings;
import io.flowgate.contracts.ContractRegistry;
import io.flowgate.engine.WorkflowEngine;
import io.flowgate.gateway.triggers.internal.TriggerSupervisor;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import java.util.List;

/**
 * Kafka in: the contracts' {@code x-flow-triggers} consumed on this node, when {@code flowgate.kafka.bootstrap-servers}
 * is set. One consumer per consumer group, manual commits after the engine transaction has committed, exactly one
 * start or correlation per message id (the engine records the id in the same transaction), records that cannot be
 * processed to {@code <topic>.dlt}. Without Kafka the triggers are reported inactive and nothing else happens.
 */
@Context
public class KafkaTriggers {

    private final TriggerSupervisor supervisor;

    public KafkaTriggers(ContractRegistry registry, WorkflowEngine engine, KafkaSettings kafka,
                         TriggerSettings settings) {
        this.supervisor = new TriggerSupervisor(registry, engine, kafka.validate(), settings.validate());
    }

    @PostConstruct
    void start() {
        supervisor.start();
    }

    /** Every trigger of the live contracts and whether this node consumes it. */
    public List<TriggerStatus> status() {
        return supervisor.status();
    }

    /** Applies contract changes now instead of at the next refresh interval. */
    public void refresh() {
        supervisor.refresh();
    }

    @PreDestroy
    void stop() {
        supervisor.close();
    }
}
