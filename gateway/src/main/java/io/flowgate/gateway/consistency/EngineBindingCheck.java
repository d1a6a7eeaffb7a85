package io.flowgate.gateway.consistency;

import io.flowgate.contracts.BindingCheck;
import io.flowgate.contracts.Contract;
import io.flowgate.contracts.ContractFinding;
import io.flowgate.contracts.FlowBinding;
import io.flowgate.contracts.Operation;
import io.flowgate.engine.FlowModel;
import io.flowgate.engine.WorkflowEngine;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A contract's flow bindings must name what is deployed: the flow, the message a correlate sends, the user task a
 * complete-task completes (a mock names none). Runs at publish, at start-up and after every deploy.
 */
@Singleton
public class EngineBindingCheck implements BindingCheck {

    private final WorkflowEngine engine;

    public EngineBindingCheck(WorkflowEngine engine) {
        this.engine = engine;
    }

    @Override
    public List<ContractFinding> check(Contract contract) {
        List<ContractFinding> findings = new ArrayList<>();
        for (Operation op : contract.operations()) {
            op.binding().filter(FlowBinding::runsFlow)
                    .ifPresent(binding -> check(op, binding).ifPresent(findings::add));
        }
        return findings;
    }

    private Optional<ContractFinding> check(Operation op, FlowBinding binding) {
        Optional<FlowModel> model = engine.latest(binding.flowId());
        if (model.isEmpty()) {
            return Optional.of(ContractFinding.of(op, "x-flow-id '" + binding.flowId()
                    + "' names no deployed flow; deploy it first (POST /admin/flows)"));
        }
        return BindingRules.check(op, binding, model.get());
    }
}
