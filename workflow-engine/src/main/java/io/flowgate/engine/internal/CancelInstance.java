package io.flowgate.engine.internal;

import io.flowgate.engine.InstanceNotFound;
import org.camunda.bpm.engine.RuntimeService;

/** Deletes a running instance; history keeps it as CANCELLED with the reason. */
final class CancelInstance {

    private final EngineContext context;

    CancelInstance(EngineContext context) {
        this.context = context;
    }

    void execute(String instanceId, String reason) {
        RuntimeService runtime = context.engine().getRuntimeService();
        if (instanceId == null || runtime.createProcessInstanceQuery().processInstanceId(instanceId).count() == 0) {
            throw new InstanceNotFound(instanceId);
        }
        runtime.deleteProcessInstance(instanceId, reason == null || reason.isBlank() ? "cancelled" : reason);
    }
}
