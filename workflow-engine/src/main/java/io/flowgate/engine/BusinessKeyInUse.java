package io.flowgate.engine;

import java.util.Optional;

/**
 * A start that declared its business key unique found a running instance of the flow with that key in its tenant;
 * nothing was started.
 */
public final class BusinessKeyInUse extends FlowException {

    private final String flowKey;
    private final String businessKey;
    private final String tenantId;
    private final String instanceId;

    /**
     * @param tenantId   the tenant whose instances the key is unique among; null for instances without tenant
     * @param instanceId the running instance holding the key; null while the start that holds it has not committed
     */
    public BusinessKeyInUse(String flowKey, String businessKey, String tenantId, String instanceId) {
        super(instanceId == null
                ? "another start of flow '" + flowKey + "' with the business key '" + businessKey
                + "' is in progress; only one instance may run with it at a time"
                : "instance " + instanceId + " of flow '" + flowKey + "' already runs with the business key '"
                + businessKey + "'; only one instance may run with it at a time");
        this.flowKey = flowKey;
        this.businessKey = businessKey;
        this.tenantId = tenantId;
        this.instanceId = instanceId;
    }

    public String flowKey() {
        return flowKey;
    }

    public String businessKey() {
        return businessKey;
    }

    /** The tenant of the instance holding the key (always the refused start's own); null for none. */
    public String tenantId() {
        return tenantId;
    }

    /** The running instance that holds the key; empty while its start has not committed yet. */
    public Optional<String> instanceId() {
        return Optional.ofNullable(instanceId);
    }

    @Override
    public String code() {
        return "business-key-in-use";
    }
}
