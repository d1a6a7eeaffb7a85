package io.flowgate.engine.internal;

import io.flowgate.engine.FlowNotFound;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The latest version of each flow, looked up once per {@link #FRESH_FOR} instead of once per start: Camunda's
 * latest-version query is a MAX subquery on the definitions table, and the benchmark's profile showed it at 7 % of a
 * straight-through start. A deploy on this node forgets everything at once; a version deployed on another node is
 * used here within {@link #FRESH_FOR} — well inside the cluster's contract sync, which lags about a second.
 */
final class LatestDefinitions {

    static final Duration FRESH_FOR = Duration.ofMillis(250);

    private record Looked(ProcessDefinition definition, long atNanos) {
    }

    private final RepositoryService repository;
    private final ConcurrentMap<String, Looked> byKey = new ConcurrentHashMap<>();

    LatestDefinitions(RepositoryService repository) {
        this.repository = repository;
    }

    /** @throws FlowNotFound when no version of the flow is deployed (never remembered: a deploy may come next) */
    ProcessDefinition latest(String flowKey) {
        long now = System.nanoTime();
        Looked looked = byKey.get(flowKey);
        if (looked != null && now - looked.atNanos() < FRESH_FOR.toNanos()) {
            return looked.definition();
        }
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(flowKey)
                .withoutTenantId().latestVersion().singleResult();
        if (definition == null) {
            byKey.remove(flowKey);
            throw new FlowNotFound(flowKey);
        }
        byKey.put(flowKey, new Looked(definition, now));
        return definition;
    }

    /** After a deploy here: the next start of any flow looks its latest version up again. */
    void forgetAll() {
        byKey.clear();
    }
}
