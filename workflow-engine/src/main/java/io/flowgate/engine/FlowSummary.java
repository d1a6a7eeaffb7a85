package io.flowgate.engine;

import java.time.Instant;

/** One deployed version of a flow. */
public record FlowSummary(String key, String name, int version, String definitionId, String deploymentId,
                          String resourceName, Instant deployedAt) {
}
