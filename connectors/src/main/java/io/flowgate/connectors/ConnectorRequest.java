package io.flowgate.connectors;

import java.util.Map;

/**
 * One invocation of a connector by a flow.
 *
 * @param instanceId    the process instance running the connector
 * @param activityId    the service task's element id
 * @param businessKey   the instance's business key, may be null
 * @param tenantId      the instance's tenant, may be null
 * @param inputs        evaluated inputs by name
 */
public record ConnectorRequest(String instanceId, String activityId, String businessKey, String tenantId,
                               Map<String, Object> inputs) {

    /** Same for every attempt of the same task in the same instance: the key for at-most-once side effects. */
    public String idempotencyKey() {
        return instanceId + ":" + activityId;
    }

    public Object input(String name) {
        return inputs.get(name);
    }
}
