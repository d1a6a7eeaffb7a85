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
 */
public record FlowBinding(String flowId, FlowAction action, String message, String taskKey,
                          Optional<ValueTemplate> businessKey, FlowMode mode, Duration timeout,
                          VariableMapping variables, Map<String, Integer> errors) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
}
