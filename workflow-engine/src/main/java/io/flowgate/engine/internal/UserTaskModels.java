package io.flowgate.engine.internal;

import io.flowgate.engine.FormField;
import io.flowgate.engine.UserTaskView;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the BPMN declares about each user task of a process definition: its form fields, its literal candidate groups
 * and whether it must be separated from the initiator ({@code flowgate.separateFrom = initiator}). A deployed
 * definition never changes, so each is read from the model once, on first use, and kept; a request only looks up.
 * Forms are read from the model rather than through Camunda's FormService, which would evaluate their expressions.
 */
final class UserTaskModels {

    /** What one user task declares. */
    record Declared(List<FormField> formFields, List<String> candidateGroups, boolean separateFromInitiator) {
        static final Declared NOTHING = new Declared(List.of(), List.of(), false);
    }

    private final RepositoryService repository;
    private final DefinitionKeys keys;
    private final Map<String, Map<String, Declared>> byDefinition = new ConcurrentHashMap<>();

    UserTaskModels(RepositoryService repository, DefinitionKeys keys) {
        this.repository = repository;
        this.keys = keys;
    }

    Declared of(String definitionId, String taskKey) {
        if (definitionId == null || taskKey == null) {
            return Declared.NOTHING;
        }
        return of(definitionId).getOrDefault(taskKey, Declared.NOTHING);
    }

    /** Every user task of the definition by its key. */
    Map<String, Declared> of(String definitionId) {
        return byDefinition.computeIfAbsent(definitionId, this::read);
    }

    private Map<String, Declared> read(String definitionId) {
        BpmnModelInstance model = repository.getBpmnModelInstance(definitionId);
        if (model == null) {
            return Map.of();
        }
        String processKey = keys.of(definitionId);
        Map<String, Declared> tasks = new HashMap<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            // a file may hold several processes; element ids are unique across it, so only the owner matters
            if (processKey.equals(processOf(task))) {
                tasks.put(task.getId(), new Declared(formFields(task),
                        candidateGroups(task.getCamundaCandidateGroups()), separatesFromInitiator(task)));
            }
        }
        return Map.copyOf(tasks);
    }

    private static String processOf(ModelElementInstance element) {
        for (ModelElementInstance at = element; at != null; at = at.getParentElement()) {
            if (at instanceof Process process) {
                return process.getId();
            }
        }
        return null;
    }

    private static CamundaFormData formData(UserTask task) {
        ExtensionElements extensions = task.getExtensionElements();
        if (extensions == null) {
            return null;
        }
        return extensions.getElementsQuery().filterByType(CamundaFormData.class).list().stream().findFirst()
                .orElse(null);
    }

    /** The literal groups; a group computed by an expression ({@code ${approvers}}) names no role by itself. */
    static List<String> candidateGroups(String declared) {
        if (declared == null || declared.isBlank()) {
            return List.of();
        }
        return Arrays.stream(declared.split(",")).map(String::trim).filter(group -> !group.isEmpty())
                .filter(group -> !group.contains("${") && !group.contains("#{")).distinct().toList();
    }

    private static boolean separatesFromInitiator(UserTask task) {
        ExtensionElements extensions = task.getExtensionElements();
        if (extensions == null) {
            return false;
        }
        return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .anyMatch(UserTaskModels::separatesFromInitiator);
    }

    private static boolean separatesFromInitiator(CamundaProperty property) {
        return UserTaskView.SEPARATE_FROM_PROPERTY.equals(property.getCamundaName())
                && UserTaskView.SEPARATE_FROM_INITIATOR.equalsIgnoreCase(
                String.valueOf(property.getCamundaValue()).trim());
    }

    private static List<FormField> formFields(UserTask task) {
        CamundaFormData formData = formData(task);
        return formData == null ? List.of() : formData.getCamundaFormFields().stream().map(UserTaskModels::field)
                .toList();
    }

    private static FormField field(CamundaFormField field) {
        boolean required = field.getCamundaValidation() != null && field.getCamundaValidation()
                .getCamundaConstraints().stream().anyMatch(c -> "required".equals(c.getCamundaName()));
        List<FormField.EnumValue> values = field.getCamundaValues().stream()
                .map(value -> new FormField.EnumValue(value.getCamundaId(), value.getCamundaName())).toList();
        return new FormField(field.getCamundaId(), field.getCamundaLabel(), field.getCamundaType(), required,
                field.getCamundaDefaultValue(), values);
    }
}
