package io.flowgate.engine;

import java.time.Instant;

/**
 * A user task that was completed, from the engine's history.
 *
 * @param id          task id
 * @param taskKey     the user task's id in the BPMN (definition key)
 * @param name        may be null
 * @param instanceId  the instance it belonged to
 * @param flowKey     process id
 * @param businessKey of the instance, may be null
 * @param assignee    who held it when it was completed; null when it was completed without being claimed
 * @param createdAt   when it was reached
 * @param completedAt when it was completed
 * @param tenantId    of the instance, may be null
 */
public record CompletedTask(String id, String taskKey, String name, String instanceId, String flowKey,
                            String businessKey, String assignee, Instant createdAt, Instant completedAt,
                            String tenantId) {
}
