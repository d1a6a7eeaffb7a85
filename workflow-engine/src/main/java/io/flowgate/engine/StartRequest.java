package io.flowgate.engine;

import java.util.Map;

/**
 * Start the latest version of a flow.
 *
 * @param flowKey           process id
 * @param businessKey       may be null
 * @param variables         JSON-like values (String, Number, Boolean, Map, List, null)
 * @param tenantId          may be null (no tenant)
 * @param initiator         who asked, may be null; recorded on the instance
 * @param uniqueBusinessKey refuse the start ({@link BusinessKeyInUse}) while an instance of the flow with the same
 *                          business key runs in the same tenant; ignored without a business key
 */
public record StartRequest(String flowKey, String businessKey, Map<String, Object> variables, String tenantId,
                           String initiator, boolean uniqueBusinessKey) {
    public StartRequest {
        variables = variables == null ? Map.of() : variables;
    }

    /** A start whose business key need not be unique. */
    public StartRequest(String flowKey, String businessKey, Map<String, Object> variables, String tenantId,
                        String initiator) {
        this(flowKey, businessKey, variables, tenantId, initiator, false);
    }

    public StartRequest withUniqueBusinessKey(boolean unique) {
        return new StartRequest(flowKey, businessKey, variables, tenantId, initiator, unique);
    }

    /** Whether this start must hold its business key alone. */
    public boolean claimsBusinessKey() {
        return uniqueBusinessKey && businessKey != null;
    }
}
