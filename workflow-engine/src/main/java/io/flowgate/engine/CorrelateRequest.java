package io.flowgate.engine;

import java.util.Map;

/**
 * Correlate {@code messageName} to the one instance of {@code flowKey} with {@code businessKey} that waits for it,
 * among the instances of exactly {@code tenantId} (null: only instances without tenant).
 */
public record CorrelateRequest(String flowKey, String messageName, String businessKey, Map<String, Object> variables,
                               String tenantId) {
    public CorrelateRequest {
        variables = variables == null ? Map.of() : variables;
    }
}
