package io.flowgate.engine.internal;

import org.camunda.bpm.engine.RepositoryService;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Flow keys by process definition id; a definition id never changes its key, so they are kept. */
final class DefinitionKeys {

    private final RepositoryService repository;
    private final Map<String, String> keys = new ConcurrentHashMap<>();

    DefinitionKeys(RepositoryService repository) {
        this.repository = repository;
    }

    String of(String definitionId) {
        if (definitionId == null) {
            return null;
        }
        return keys.computeIfAbsent(definitionId, id -> repository.getProcessDefinition(id).getKey());
    }
}
