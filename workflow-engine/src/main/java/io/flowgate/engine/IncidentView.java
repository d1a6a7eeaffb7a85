package io.flowgate.engine;

import java.time.Instant;

/** An open incident: a job that failed its last retry. */
public record IncidentView(String id, String instanceId, String flowKey, String activityId, String type,
                           String message, Instant createdAt, String tenantId) {
}
