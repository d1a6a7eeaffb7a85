package io.flowgate.engine.internal;

import org.camunda.bpm.engine.repository.ProcessDefinition;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The literal candidate groups of the user tasks of every deployed flow version. Each version's model is read once
 * ({@link UserTaskModels}); afterwards this is one query for the definition ids and look-ups.
 */
final class ListCandidateGroups {

    private final EngineContext context;
    private final UserTaskModels models;

    ListCandidateGroups(EngineContext context, UserTaskModels models) {
        this.context = context;
        this.models = models;
    }

    SortedSet<String> execute() {
        SortedSet<String> groups = new TreeSet<>();
        for (ProcessDefinition definition : context.engine().getRepositoryService().createProcessDefinitionQuery()
                .list()) {
            models.of(definition.getId()).values().forEach(task -> groups.addAll(task.candidateGroups()));
        }
        return Collections.unmodifiableSortedSet(groups);
    }
}
