package io.flowgate.contracts;

import io.flowgate.contracts.mapping.ValueTemplate;
import io.flowgate.contracts.mapping.VariableMapping;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code x-flow-*} extensions of an operation, parsed and compiled.
 *
 * @param flowId      {@code x-flow-id}
 * @param action      {@code x-flow-action}
 * @param message     {@code x-flow-message} (correlate)
 * @param taskKey     {@code x-flow-task} (complete-task)
 * @param businessKey {@code x-flow-business-key}, empty when absent
 * @param mode        {@code x-flow-mode}
 * @param timeout     {@code x-flow-timeout}
 * @param variables   {@code x-flow-variables} (or the default mapping)
 * @param errors      {@code x-flow-errors}: BPMN error code → HTTP status
 * @param instance    which instance a {@code status} operation reads: {@code x-flow-instance}, by default
 *                    {@code "{path.id}"}; empty for the other actions
 * @param buffer      {@code x-flow-buffer} (correlate): how long a message that no instance waits for yet is kept
 *                    and delivered once one does; zero (the default) answers 404 at once
 */
public record FlowBinding(String flowId, FlowAction action, String message, String taskKey,
                          Optional<ValueTemplate> businessKey, FlowMode mode, Duration timeout,
                          VariableMapping variables, Map<String, Integer> errors, Optional<ValueTemplate> instance,
                          Duration buffer) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** The longest {@code x-flow-timeout} accepted: a request thread waits this long at most. */
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);
    /** The longest {@code x-flow-buffer} accepted. */
    public static final Duration MAX_BUFFER = Duration.ofDays(7);

    public FlowBinding {
        errors = Map.copyOf(errors);
        buffer = buffer == null ? Duration.ZERO : buffer;
    }

    /** A binding without an instance template (every action but {@code status}). */
    public FlowBinding(String flowId, FlowAction action, String message, String taskKey,
                       Optional<ValueTemplate> businessKey, FlowMode mode, Duration timeout,
                       VariableMapping variables, Map<String, Integer> errors) {
        this(flowId, action, message, taskKey, businessKey, mode, timeout, variables, errors, Optional.empty(),
                Duration.ZERO);
    }
}
