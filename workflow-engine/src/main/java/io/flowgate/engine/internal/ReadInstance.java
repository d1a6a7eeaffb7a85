package io.flowgate.engine.internal;

import io.flowgate.engine.FlowInstance;

import java.util.Optional;

/** The current view of one instance, running, ended, or still starting. */
final class ReadInstance {

    private final EngineContext context;

    ReadInstance(EngineContext context) {
        this.context = context;
    }

    Optional<FlowInstance> execute(String instanceId) {
        return instanceId == null ? Optional.empty() : context.reader().read(instanceId);
    }
}
