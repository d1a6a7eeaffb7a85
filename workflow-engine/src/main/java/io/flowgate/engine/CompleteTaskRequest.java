package io.flowgate.engine;

import java.util.Map;

/** Complete the open user task {@code taskKey} of the instance of {@code flowKey} with {@code businessKey}. */
public record CompleteTaskRequest(String flowKey, String taskKey, String businessKey, Map<String, Object> variables,
                                  String tenantId) {
    public CompleteTaskRequest {
        variables = variables == null ? Map.of() : variables;
    }
}
