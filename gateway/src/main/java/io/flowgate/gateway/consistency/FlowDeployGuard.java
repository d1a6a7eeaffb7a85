package io.flowgate.gateway.consistency;

import io.flowgate.contracts.ContractFinding;
import io.flowgate.contracts.ContractRegistry;
import io.flowgate.contracts.Operation;
import io.flowgate.engine.FlowFinding;
import io.flowgate.engine.FlowInspection;
import io.flowgate.engine.FlowModel;
import io.flowgate.engine.FlowRejected;
import io.flowgate.engine.WorkflowEngine;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a new flow version that would break a live contract: a message a correlate operation sends or a user task
 * a complete-task operation completes must still be there.
 */
@Singleton
public class FlowDeployGuard {

    private final WorkflowEngine engine;
    private final ContractRegistry registry;

    public FlowDeployGuard(WorkflowEngine engine, ContractRegistry registry) {
        this.engine = engine;
        this.registry = registry;
    }

    /** @throws FlowRejected when the file is unsafe, invalid, or would break a live contract */
    public FlowInspection check(String fileName, byte[] bpmn) {
        FlowInspection inspection = engine.inspect(fileName, bpmn);
        List<FlowFinding> findings = new ArrayList<>();
        for (FlowModel model : inspection.models()) {
            for (Operation op : registry.operationsUsing(model.key())) {
                op.binding().flatMap(b -> BindingRules.check(op, b, model))
                        .ifPresent(f -> findings.add(breaking(fileName, model, f)));
            }
        }
        if (!findings.isEmpty()) {
            throw new FlowRejected(findings);
        }
        return inspection;
    }

    private static FlowFinding breaking(String fileName, FlowModel model, ContractFinding finding) {
        return new FlowFinding(fileName, model.key(), "this version would break contract '" + finding.contract()
                + "' operation " + finding.method() + " " + finding.path() + ": " + finding.reason());
    }
}
