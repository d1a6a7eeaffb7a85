package io.flowgate.engine.internal;

import io.flowgate.engine.FlowInspection;
import io.flowgate.engine.deploy.FlowChecker;
import io.flowgate.engine.deploy.FlowModelReader;

import java.util.List;

/** Checks a BPMN file and reads its models without deploying it. */
final class InspectFlow {

    private final EngineContext context;

    InspectFlow(EngineContext context) {
        this.context = context;
    }

    FlowInspection execute(String fileName, byte[] bpmn) {
        FlowChecker.CheckedFlow checked = context.checker().checkOrReject(fileName, bpmn);
        return new FlowInspection(FlowModelReader.read(checked.document(), 0), checked.warnings());
    }
}
