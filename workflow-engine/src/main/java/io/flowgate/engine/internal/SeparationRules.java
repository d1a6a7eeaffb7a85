package io.flowgate.engine.internal;

import io.flowgate.engine.UserTaskView;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which user tasks must be separated from their instance's initiator: a user task declaring the Camunda extension
 * property {@code flowgate.separateFrom = initiator} (set in the Modeler's "Extension properties" panel). A deployed
 * definition never changes, so the answer is kept per definition id and task key.
 */
final class SeparationRules {

    private final RepositoryService repository;
    private final Map<String, Boolean> separated = new ConcurrentHashMap<>();

    SeparationRules(RepositoryService repository) {
        this.repository = repository;
    }

    boolean separateFromInitiator(String definitionId, String taskKey) {
        if (definitionId == null || taskKey == null) {
            return false;
        }
        return separated.computeIfAbsent(definitionId + '#' + taskKey, key -> read(definitionId, taskKey));
    }

    private boolean read(String definitionId, String taskKey) {
        BpmnModelInstance model = repository.getBpmnModelInstance(definitionId);
        if (model == null || !(model.getModelElementById(taskKey) instanceof UserTask task)) {
            return false;
        }
        ExtensionElements extensions = task.getExtensionElements();
        if (extensions == null) {
            return false;
        }
        return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .anyMatch(SeparationRules::separatesFromInitiator);
    }

    private static boolean separatesFromInitiator(CamundaProperty property) {
        return UserTaskView.SEPARATE_FROM_PROPERTY.equals(property.getCamundaName())
                && UserTaskView.SEPARATE_FROM_INITIATOR.equalsIgnoreCase(
                String.valueOf(property.getCamundaValue()).trim());
    }
}
