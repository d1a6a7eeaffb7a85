package io.flowgate.engine.internal;

import io.flowgate.engine.FlowSummary;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;

import java.util.Set;

/**
 * Suspends a flow version: Camunda refuses to start it and suspends its timer start jobs. Its running instances are
 * left running — they may hold stock, payments in flight and deadlines, and a callback correlating to a suspended
 * instance would be refused; an operator who wants one stopped cancels it.
 */
final class SuspendFlow {

    private final EngineContext context;
    private final TimerStartJobs timerStarts;

    SuspendFlow(EngineContext context, TimerStartJobs timerStarts) {
        this.context = context;
        this.timerStarts = timerStarts;
    }

    FlowSummary execute(String flowKey, int version) {
        RepositoryService repository = context.engine().getRepositoryService();
        ProcessDefinition definition = FlowVersions.require(repository, flowKey, version);
        if (!definition.isSuspended()) {
            timerStarts.lockedFor(Set.of(flowKey), () -> {
                repository.updateProcessDefinitionSuspensionState().byProcessDefinitionId(definition.getId())
                        .includeProcessInstances(false).suspend();
                return null;
            });
            context.definitions().forgetAll();
        }
        return FlowVersions.summary(repository, flowKey, version);
    }
}
