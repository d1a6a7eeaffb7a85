package io.flowgate.gateway.triggers.internal;

import io.flowgate.contracts.BindingCheck;
import io.flowgate.contracts.Contract;
import io.flowgate.contracts.ContractFinding;
import io.flowgate.contracts.FlowAction;
import io.flowgate.contracts.triggers.FlowTrigger;
import io.flowgate.engine.FlowModel;
import io.flowgate.engine.WorkflowEngine;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A trigger must name what is deployed, as operations must: its flow, and for correlate a message the flow declares.
 * Runs at publish (refusing the contract), at start-up and after every deploy; a trigger whose check fails there
 * stops consuming (its records wait in Kafka) while the contract's routes keep serving.
 */
@Singleton
public class TriggerBindingCheck implements BindingCheck {

    private final WorkflowEngine engine;

    public TriggerBindingCheck(WorkflowEngine engine) {
        this.engine = engine;
    }

    @Override
    public List<ContractFinding> check(Contract contract) {
        List<ContractFinding> findings = new ArrayList<>();
        for (FlowTrigger trigger : contract.triggers()) {
            reason(trigger).ifPresent(reason -> findings.add(ContractFinding.ofTrigger(contract.name(),
                    trigger.location(), trigger.location() + ": " + reason)));
        }
        return findings;
    }

    private Optional<String> reason(FlowTrigger trigger) {
        Optional<FlowModel> model = engine.latest(trigger.flowId());
        if (model.isEmpty()) {
            return Optional.of("flow '" + trigger.flowId() + "' names no deployed flow; deploy it first "
                    + "(POST /admin/flows)");
        }
        if (trigger.action() == FlowAction.CORRELATE && !model.get().messages().contains(trigger.message())) {
            return Optional.of("message '" + trigger.message() + "' is not declared by any message start or catch "
                    + "event of flow '" + trigger.flowId() + "' (declared: " + new TreeSet<>(model.get().messages())
                    + ")");
        }
        return Optional.empty();
    }
}
