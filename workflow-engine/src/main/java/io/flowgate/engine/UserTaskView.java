package io.flowgate.engine;

import java.time.Instant;
import java.util.List;

/** An open user task. */
public record UserTaskView(String id, String taskKey, String name, String instanceId, String flowKey,
                           String businessKey, String assignee, List<String> candidateGroups, Instant createdAt,
                           String tenantId) {
}
