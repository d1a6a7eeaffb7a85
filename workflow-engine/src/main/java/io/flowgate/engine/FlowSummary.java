package io.flowgate.engine;

import java.time.Instant;

/**
 * One deployed version of a flow.
 *
 * @param suspended no instance of this version may start ({@link WorkflowEngine#suspend}); its running instances go on
 */
public record FlowSummary(String key, String name, int version, String definitionId, String deploymentId,
                          String resourceName, Instant deployedAt, boolean suspended) {
}
