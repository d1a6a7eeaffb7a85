package io.flowgate.gateway.consistency;

import io.flowgate.contracts.ContractFinding;
import io.flowgate.contracts.FlowBinding;
import io.flowgate.contracts.Operation;
import io.flowgate.engine.FlowModel;

import java.util.Optional;
import java.util.TreeSet;

/** What a binding needs from its flow's model; shared by the publish check and the deploy guard. */
final class BindingRules {

    private BindingRules() {
    }

    static Optional<ContractFinding> check(Operation op, FlowBinding binding, FlowModel model) {
        return switch (binding.action()) {
            case CORRELATE -> model.messages().contains(binding.message()) ? Optional.empty()
                    : Optional.of(ContractFinding.of(op, "x-flow-message '" + binding.message()
                    + "' is not declared by any message start or catch event of flow '" + model.key()
                    + "' (declared: " + new TreeSet<>(model.messages()) + ")"));
            case COMPLETE_TASK -> model.userTasks().containsKey(binding.taskKey()) ? Optional.empty()
                    : Optional.of(ContractFinding.of(op, "x-flow-task '" + binding.taskKey()
                    + "' is not a user task of flow '" + model.key() + "' (user tasks: "
                    + new TreeSet<>(model.userTasks().keySet()) + ")"));
            case START, STATUS, MOCK -> Optional.empty();
        };
    }
}
