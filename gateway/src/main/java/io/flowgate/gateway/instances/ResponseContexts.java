package io.flowgate.gateway.instances;

import io.flowgate.contracts.mapping.ResponseContext;
import io.flowgate.engine.FlowError;
import io.flowgate.engine.FlowInstance;

/** What a response mapping may read of an instance. */
public final class ResponseContexts {

    private ResponseContexts() {
    }

    public static ResponseContext of(FlowInstance instance) {
        return new ResponseContext(instance.id(), instance.state().name(), instance.businessKey(),
                instance.variables(), instance.error().map(FlowError::code).orElse(null),
                instance.error().map(FlowError::message).orElse(null));
    }
}
