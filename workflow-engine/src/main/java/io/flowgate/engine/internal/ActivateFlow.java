package io.flowgate.engine.internal;

import io.flowgate.engine.FlowSummary;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;

import java.util.Set;

/** Activates a suspended flow version: it may start again and its timer start jobs fire again. */
final class ActivateFlow {

    private final EngineContext context;
    private final TimerStartJobs timerStarts;

    ActivateFlow(EngineContext context, TimerStartJobs timerStarts) {
        this.context = context;
        this.timerStarts = timerStarts;
    }

    FlowSummary execute(String flowKey, int version) {
        RepositoryService repository = context.engine().getRepositoryService();
        ProcessDefinition definition = FlowVersions.require(repository, flowKey, version);
        if (definition.isSuspended()) {
            timerStarts.lockedFor(Set.of(flowKey), () -> {
                repository.updateProcessDefinitionSuspensionState().byProcessDefinitionId(definition.getId())
                        .includeProcessInstances(false).activate();
                return null;
            });
            context.definitions().forgetAll();
        }
        return FlowVersions.summary(repository, flowKey, version);
    }
}
