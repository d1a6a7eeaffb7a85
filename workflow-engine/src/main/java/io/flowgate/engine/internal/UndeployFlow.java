package io.flowgate.engine.internal;

import io.flowgate.engine.FlowVersionInUse;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;

import java.util.Set;

/**
 * Removes a flow version without running instances. Camunda deletes it without cascading, so an instance that
 * started since the count refuses the deletion (and the definition stays). A file that deployed only this version
 * goes with it — otherwise deploying the same file again would be taken for an unchanged duplicate and bring
 * nothing back. The history of its ended instances stays readable.
 */
final class UndeployFlow {

    private final EngineContext context;
    private final TimerStartJobs timerStarts;

    UndeployFlow(EngineContext context, TimerStartJobs timerStarts) {
        this.context = context;
        this.timerStarts = timerStarts;
    }

    void execute(String flowKey, int version) {
        RepositoryService repository = context.engine().getRepositoryService();
        ProcessDefinition definition = FlowVersions.require(repository, flowKey, version);
        requireNoneRunning(definition);
        boolean aloneInItsDeployment = repository.createProcessDefinitionQuery()
                .deploymentId(definition.getDeploymentId()).count() == 1;
        try {
            timerStarts.lockedFor(Set.of(flowKey), () -> {
                if (aloneInItsDeployment) {
                    repository.deleteDeployment(definition.getDeploymentId(), false);
                } else {
                    repository.deleteProcessDefinition(definition.getId(), false);
                }
                return null;
            });
        } catch (ProcessEngineException e) {
            requireNoneRunning(definition); // an instance started since the count
            throw e;
        } finally {
            context.definitions().forgetAll();
        }
    }

    private void requireNoneRunning(ProcessDefinition definition) {
        long running = context.engine().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionId(definition.getId()).count();
        if (running > 0) {
            throw new FlowVersionInUse(definition.getKey(), definition.getVersion(), running);
        }
    }
}
