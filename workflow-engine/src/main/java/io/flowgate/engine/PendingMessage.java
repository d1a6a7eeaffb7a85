package io.flowgate.engine;

import java.time.Instant;

/**
 * A message kept for an instance that does not wait for it yet: delivered as soon as exactly one instance of the
 * flow with the business key waits for it — in {@code tenantId} (null: among instances without tenant), or with
 * {@code tenantOfInstance} in the one tenant the flow's instances with the key belong to — or dropped at
 * {@code expiresAt}.
 */
public record PendingMessage(String id, String flowKey, String messageName, String businessKey, String tenantId,
                             boolean tenantOfInstance, Instant expiresAt) {
}
