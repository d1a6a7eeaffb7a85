package io.flowgate.engine;

import java.util.List;

/**
 * A BPMN file that passed the deploy checks, not deployed.
 *
 * @param models   the processes it defines
 * @param warnings what is accepted but will not work as the author may expect (e.g. a mapping script)
 */
public record FlowInspection(List<FlowModel> models, List<FlowFinding> warnings) {
    public FlowInspection {
        models = List.copyOf(models);
        warnings = List.copyOf(warnings);
    }
}
