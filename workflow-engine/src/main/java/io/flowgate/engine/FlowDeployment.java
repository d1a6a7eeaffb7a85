package io.flowgate.engine;

import java.util.List;

/**
 * Result of a deploy.
 *
 * @param deploymentId engine deployment id
 * @param flows        the flow versions the file defines (existing versions when the content was unchanged)
 * @param created      false when identical content was already deployed
 * @param warnings     what was accepted but will not work as the author may expect (e.g. a mapping script)
 */
public record FlowDeployment(String deploymentId, List<FlowSummary> flows, boolean created,
                             List<FlowFinding> warnings) {
    public FlowDeployment {
        flows = List.copyOf(flows);
        warnings = List.copyOf(warnings);
    }
}
