package io.flowgate.engine;

import java.util.Map;

/**
 * Correlate {@code messageName} to the one instance of {@code flowKey} with {@code businessKey} that waits for it,
 * among the instances of exactly {@code tenantId} (null: only instances without tenant) — or, with
 * {@code tenantOfInstance}, among the instances of the one tenant (or of "no tenant") that the flow's instances with
 * that business key belong to.
 *
 * @param tenantOfInstance the sender has no tenant of its own (a platform-wide payment provider): the business key
 *                         decides. Every instance of the flow with the key, running or ended, must belong to one
 *                         tenant; if they belong to several, nothing is correlated ({@link AmbiguousMatch}).
 *                         {@code tenantId} is then null.
 */
public record CorrelateRequest(String flowKey, String messageName, String businessKey, Map<String, Object> variables,
                               String tenantId, boolean tenantOfInstance) {

    public CorrelateRequest {
        variables = variables == null ? Map.of() : variables;
        if (tenantOfInstance && tenantId != null) {
            throw new IllegalArgumentException("a message for the tenant of its instance names no tenant itself");
        }
    }

    /** A message for the instances of exactly {@code tenantId} (null: only instances without tenant). */
    public CorrelateRequest(String flowKey, String messageName, String businessKey, Map<String, Object> variables,
                            String tenantId) {
        this(flowKey, messageName, businessKey, variables, tenantId, false);
    }

    /** A message for whichever tenant the flow's instances with {@code businessKey} belong to. */
    public static CorrelateRequest inTenantOfInstance(String flowKey, String messageName, String businessKey,
                                                      Map<String, Object> variables) {
        return new CorrelateRequest(flowKey, messageName, businessKey, variables, null, true);
    }

    /** The same message for exactly {@code tenant}: once the tenant of its instance is known. */
    public CorrelateRequest inTenant(String tenant) {
        return new CorrelateRequest(flowKey, messageName, businessKey, variables, tenant, false);
    }

    /** "tenant acme", "no tenant" or "the tenant of its instance", for logs and messages. */
    public String tenantScope() {
        return tenantOfInstance ? "the tenant of its instance" : tenantId == null ? "no tenant" : "tenant " + tenantId;
    }
}
