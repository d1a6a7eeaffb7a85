package io.flowgate.engine;

import java.util.List;

/**
 * Result of a deploy.
 *
 * @param deploymentId engine deployment id
 * @param flows        the flow versions the file defines (existing versions when the content was unchanged)
 * @param created      false when identical content was already deployed
 */
public record FlowDeployment(String deploymentId, List<FlowSummary> flows, boolean created) {
}
