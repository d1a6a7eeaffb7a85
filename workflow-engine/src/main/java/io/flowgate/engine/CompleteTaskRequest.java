package io.flowgate.engine;

import java.util.Map;

/**
 * Complete the open user task {@code taskKey} of the instance of {@code flowKey} with {@code businessKey}.
 *
 * @param tenantId    only instances of exactly this tenant (null: only instances without tenant)
 * @param completedBy who completes it, may be null; checked against the task's separation of duties
 */
public record CompleteTaskRequest(String flowKey, String taskKey, String businessKey, Map<String, Object> variables,
                                  String tenantId, String completedBy) {
    public CompleteTaskRequest {
        variables = variables == null ? Map.of() : variables;
    }

    public CompleteTaskRequest(String flowKey, String taskKey, String businessKey, Map<String, Object> variables,
                               String tenantId) {
        this(flowKey, taskKey, businessKey, variables, tenantId, null);
    }
}
