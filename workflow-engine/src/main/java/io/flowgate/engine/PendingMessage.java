package io.flowgate.engine;

import java.time.Instant;

/**
 * A message kept for an instance that does not wait for it yet: delivered as soon as exactly one instance of the
 * flow with the business key waits for it, or dropped at {@code expiresAt}.
 */
public record PendingMessage(String id, String flowKey, String messageName, String businessKey, String tenantId,
                             Instant expiresAt) {
}
