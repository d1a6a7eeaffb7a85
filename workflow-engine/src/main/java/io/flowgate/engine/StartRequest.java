package io.flowgate.engine;

import java.util.Map;

/**
 * Start the latest version of a flow.
 *
 * @param flowKey     process id
 * @param businessKey may be null
 * @param variables   JSON-like values (String, Number, Boolean, Map, List, null)
 * @param tenantId    may be null (no tenant)
 * @param initiator   who asked, may be null; recorded on the instance
 */
public record StartRequest(String flowKey, String businessKey, Map<String, Object> variables, String tenantId,
                           String initiator) {
    public StartRequest {
        variables = variables == null ? Map.of() : variables;
    }
}
