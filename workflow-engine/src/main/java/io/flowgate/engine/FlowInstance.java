package io.flowgate.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A flow instance as the gateway sees it.
 *
 * @param id          process instance id
 * @param flowKey     process id
 * @param flowVersion process definition version
 * @param businessKey may be null
 * @param tenantId    may be null
 * @param state       where it stands
 * @param activities  current activities (empty once ended)
 * @param variables   process-level variables, JSON-like values
 * @param error       the BPMN error that ended it (state ERROR), or the failure (state FAILED)
 * @param startedAt   may be null while STARTING
 * @param endedAt     null while active
 */
public record FlowInstance(String id, String flowKey, int flowVersion, String businessKey, String tenantId,
                           InstanceState state, List<ActivityView> activities, Map<String, Object> variables,
                           Optional<FlowError> error, Instant startedAt, Instant endedAt) {
    public FlowInstance {
        activities = List.copyOf(activities);
        variables = variables == null ? Map.of() : variables;
        error = error == null ? Optional.empty() : error;
    }
}
