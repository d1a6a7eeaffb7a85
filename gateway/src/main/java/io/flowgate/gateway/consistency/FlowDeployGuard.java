package io.flowgate.gateway.consistency;

import io.flowgate.contracts.ContractFinding;
import io.flowgate.contracts.ContractRegistry;
import io.flowgate.contracts.Operation;
import io.flowgate.engine.FlowFinding;
import io.flowgate.engine.FlowInspection;
import io.flowgate.engine.FlowModel;
import io.flowgate.engine.FlowNotFound;
import io.flowgate.engine.FlowRejected;
import io.flowgate.engine.FlowSummary;
import io.flowgate.engine.WorkflowEngine;
import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.problem.Problem;
import io.flowgate.gateway.problem.ProblemTable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Refuses a new flow version, or the removal of the latest one, that would break a live contract: a message a
 * correlate operation sends or a user task a complete-task operation completes must still be there, and a flow that
 * live operations run must keep a version.
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

    /**
     * Checks that undeploying a version leaves every live operation its flow: only the latest version matters (the
     * one operations start), and then the version before it must serve them, or there must be no operation at all.
     *
     * @throws FlowNotFound   when the flow has no such version
     * @throws GatewayProblem {@code 409 flow-used-by-contract} naming the operations that would break
     */
    public void checkUndeploy(String flowKey, int version) {
        List<FlowSummary> versions = engine.flows().stream().filter(f -> f.key().equals(flowKey)).toList();
        if (versions.stream().noneMatch(f -> f.version() == version)) {
            throw new FlowNotFound(flowKey, version);
        }
        List<Operation> operations = registry.operationsUsing(flowKey).stream()
                .filter(op -> op.binding().isPresent()).toList();
        boolean latest = versions.stream().allMatch(f -> f.version() <= version);
        if (!latest || operations.isEmpty()) {
            return;
        }
        Optional<FlowModel> previous = versions.stream().mapToInt(FlowSummary::version).filter(v -> v != version)
                .max().stream().boxed().findFirst().flatMap(v -> engine.model(flowKey, v));
        List<ContractFinding> findings = new ArrayList<>();
        for (Operation op : operations) {
            if (previous.isEmpty()) {
                findings.add(ContractFinding.of(op, "runs flow '" + flowKey + "', whose only version this is"));
            } else {
                op.binding().flatMap(b -> BindingRules.check(op, b, previous.get())).ifPresent(findings::add);
            }
        }
        if (!findings.isEmpty()) {
            throw new GatewayProblem(Problem.of(409, "flow-used-by-contract", "Flow used by a contract",
                    "undeploying version " + version + " of flow '" + flowKey + "' would break " + findings.size()
                            + " operation(s) of live contracts; change or delete those contracts first")
                    .with("flow", flowKey).with("version", version)
                    .with("findings", ProblemTable.contractFindings(findings)));
        }
    }

    private static FlowFinding breaking(String fileName, FlowModel model, ContractFinding finding) {
        return new FlowFinding(fileName, model.key(), "this version would break contract '" + finding.contract()
                + "' operation " + finding.method() + " " + finding.path() + ": " + finding.reason());
    }
}
