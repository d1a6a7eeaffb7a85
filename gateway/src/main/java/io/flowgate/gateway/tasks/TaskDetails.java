package io.flowgate.gateway.tasks;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.flowgate.engine.UserTaskView;

import java.util.Map;

/**
 * {@code GET /api/tasks/{id}}: the task as the inbox lists it, plus its instance's variables.
 *
 * @param task      written out as the task's own members
 * @param variables the instance's process-level variables, JSON-like values
 */
public record TaskDetails(@JsonUnwrapped UserTaskView task, Map<String, Object> variables) {
    public TaskDetails {
        variables = variables == null ? Map.of() : variables;
    }
}
