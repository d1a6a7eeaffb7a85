package io.flowgate.contracts.mapping;

import java.util.Map;

/**
 * What a response can be built from: the instance and its variables.
 *
 * @param instanceId   process instance id
 * @param state        instance state name (e.g. WAITING)
 * @param businessKey  may be null
 * @param variables    JSON-like values
 * @param errorCode    BPMN error code when the instance ended in one, else null
 * @param errorMessage may be null
 */
public record ResponseContext(String instanceId, String state, String businessKey, Map<String, Object> variables,
                              String errorCode, String errorMessage) {
}
