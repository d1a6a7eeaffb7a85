package io.flowgate.engine;

/**
 * Why a BPMN file cannot be deployed.
 *
 * @param file      file name as given
 * @param elementId BPMN element id, null when the finding concerns the whole file
 * @param reason    human sentence naming what is wrong and what to do instead
 */
public record FlowFinding(String file, String elementId, String reason) {
}
