package io.flowgate.engine;

import java.util.Optional;

/**
 * What a message did: see {@link WorkflowEngine#startOnce} and {@link WorkflowEngine#correlateOnce}.
 *
 * @param instanceId the instance the message started or was correlated to
 * @param duplicate  true when an earlier delivery of the same message already did so; nothing ran this time
 * @param instance   the instance as it stood when this delivery's transaction had committed; empty for a duplicate
 */
public record MessageReceipt(String instanceId, boolean duplicate, Optional<FlowInstance> instance) {

    public MessageReceipt {
        instance = instance == null ? Optional.empty() : instance;
    }
}
