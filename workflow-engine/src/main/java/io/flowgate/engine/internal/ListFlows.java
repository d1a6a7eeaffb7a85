package io.flowgate.engine.internal;

import io.flowgate.engine.FlowSummary;
import org.camunda.bpm.engine.RepositoryService;

import java.util.List;

/** Every deployed version of every flow, by key, newest version first. */
final class ListFlows {

    private final EngineContext context;

    ListFlows(EngineContext context) {
        this.context = context;
    }

    List<FlowSummary> execute() {
        RepositoryService repository = context.engine().getRepositoryService();
        return FlowSummaries.of(repository, repository.createProcessDefinitionQuery().orderByProcessDefinitionKey()
                .asc().orderByProcessDefinitionVersion().desc().list());
    }
}
