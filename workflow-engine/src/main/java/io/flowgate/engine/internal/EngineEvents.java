package io.flowgate.engine.internal;

import io.flowgate.connectors.events.OutboxEvent;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.IdentityLink;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The engine's events, each written by the engine command that causes it ({@link EngineOutbox}). Subjects: the
 * instance id for {@code instance.*}, the task id for {@code task.*} (the instance is in the data), the flow key for
 * {@code flow.deployed}. The tenant is the instance's (or task's) tenant; flows are deployed without one.
 */
final class EngineEvents {

    static final String INSTANCE_STARTED = "instance.started";
    static final String INSTANCE_COMPLETED = "instance.completed";
    static final String INSTANCE_FAILED = "instance.failed";
    static final String TASK_CREATED = "task.created";
    static final String TASK_COMPLETED = "task.completed";
    static final String FLOW_DEPLOYED = "flow.deployed";

    private static final int MAX_MESSAGE = 1000;

    private EngineEvents() {
    }

    static void instanceStarted(DelegateExecution instance) {
        append(INSTANCE_STARTED, instance.getTenantId(), instance.getProcessInstanceId(), instanceData(instance));
    }

    /** Every end: normal, by an uncaught BPMN error, or cancelled ({@code endState} says which). */
    static void instanceEnded(DelegateExecution instance) {
        Map<String, Object> data = instanceData(instance);
        data.put("endState", FlowErrors.outcome(instance));
        append(INSTANCE_COMPLETED, instance.getTenantId(), instance.getProcessInstanceId(), data);
    }

    static void taskCreated(DelegateTask task) {
        append(TASK_CREATED, task.getTenantId(), task.getId(), taskData(task));
    }

    /** {@code completedBy}: the user the completing command ran for, else the assignee; null when neither is known. */
    static void taskCompleted(DelegateTask task) {
        Map<String, Object> data = taskData(task);
        CommandContext command = Context.getCommandContext();
        String user = command == null ? null : command.getAuthenticatedUserId();
        data.put("completedBy", user != null ? user : task.getAssignee());
        append(TASK_COMPLETED, task.getTenantId(), task.getId(), data);
    }

    /** An incident of an instance; incidents without one (a failing timer start) are not an instance's failure. */
    static void incidentCreated(Incident incident) {
        if (incident == null || incident.getProcessInstanceId() == null) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("flow", definition(incident.getProcessDefinitionId()).getKey());
        data.put("incidentId", incident.getId());
        data.put("activity", incident.getActivityId());
        data.put("message", truncate(incident.getIncidentMessage()));
        append(INSTANCE_FAILED, incident.getTenantId(), incident.getProcessInstanceId(), data);
    }

    static void flowDeployed(ProcessDefinition definition, DeploymentEntity deployment) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("version", definition.getVersion());
        data.put("name", definition.getName());
        data.put("file", definition.getResourceName());
        data.put("deploymentId", deployment.getId());
        append(FLOW_DEPLOYED, definition.getTenantId(), definition.getKey(), data);
    }

    private static Map<String, Object> instanceData(DelegateExecution instance) {
        ProcessDefinition definition = definition(instance.getProcessDefinitionId());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("flow", definition.getKey());
        data.put("flowVersion", definition.getVersion());
        data.put("businessKey", instance.getProcessBusinessKey());
        return data;
    }

    private static Map<String, Object> taskData(DelegateTask task) {
        List<String> groups = task.getCandidates().stream().map(IdentityLink::getGroupId)
                .filter(Objects::nonNull).sorted().toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("instanceId", task.getProcessInstanceId());
        data.put("flow", definition(task.getProcessDefinitionId()).getKey());
        data.put("taskDefinitionKey", task.getTaskDefinitionKey());
        data.put("name", task.getName());
        data.put("candidateGroups", groups);
        data.put("assignee", task.getAssignee());
        return data;
    }

    private static ProcessDefinition definition(String definitionId) {
        return Context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(definitionId);
    }

    private static String truncate(String message) {
        return message == null || message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE);
    }

    private static void append(String type, String tenant, String subject, Map<String, Object> data) {
        EngineOutbox.append(OutboxEvent.of(type, tenant, subject, data));
    }
}
