package io.flowgate.engine.internal;

import io.flowgate.engine.FlowSummary;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Process definitions as flow summaries, with their deployment times fetched in one query. */
final class FlowSummaries {

    private FlowSummaries() {
    }

    static List<FlowSummary> of(RepositoryService repository, List<ProcessDefinition> definitions) {
        Set<String> deploymentIds = definitions.stream().map(ProcessDefinition::getDeploymentId)
                .collect(Collectors.toSet());
        Map<String, Instant> deployedAt = deploymentTimes(repository, deploymentIds);
        return definitions.stream().map(definition -> new FlowSummary(definition.getKey(), definition.getName(),
                definition.getVersion(), definition.getId(), definition.getDeploymentId(),
                definition.getResourceName(), deployedAt.get(definition.getDeploymentId()),
                definition.isSuspended())).toList();
    }

    private static Map<String, Instant> deploymentTimes(RepositoryService repository, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        if (ids.size() == 1) {
            return repository.createDeploymentQuery().deploymentId(ids.iterator().next()).list().stream()
                    .collect(Collectors.toMap(Deployment::getId, d -> d.getDeploymentTime().toInstant()));
        }
        // deployments are few (one per published file version); one query beats one per definition
        return repository.createDeploymentQuery().list().stream().filter(d -> ids.contains(d.getId())).collect(Collectors.toMap(Deployment::getId, d -> d.getDeploymentTime().toInstant()));
    }
}
