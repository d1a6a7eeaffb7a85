package io.flowgate.engine.internal;

import io.flowgate.engine.FlowNotFound;
import io.flowgate.engine.FlowSummary;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;

import java.util.List;

/** Looks up one version of a flow for the lifecycle use cases. */
final class FlowVersions {

    private FlowVersions() {
    }

    /** @throws FlowNotFound when the flow has no such version */
    static ProcessDefinition require(RepositoryService repository, String flowKey, int version) {
        return FlowXml.definition(repository, flowKey, version)
                .orElseThrow(() -> new FlowNotFound(flowKey, version));
    }

    /** The version as it stands now. */
    static FlowSummary summary(RepositoryService repository, String flowKey, int version) {
        return FlowSummaries.of(repository, List.of(require(repository, flowKey, version))).get(0);
    }
}
