package io.flowgate.contracts;

import io.flowgate.contracts.mapping.ValueTemplate;
import io.flowgate.contracts.mapping.VariableMapping;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code x-flow-*} extensions of an operation, parsed and compiled.
 *
 * @param flowId      {@code x-flow-id}; null for {@code mock}, which runs no flow
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
 * @param mock        for {@code mock}: the answer compiled from the declared example; empty for the other actions
 * @param uniqueBusinessKey {@code x-flow-business-key-unique} (start): while an instance of the flow runs with the
 *                    business key in the caller's tenant, another start with it is refused ({@code 409})
 */
public record FlowBinding(String flowId, FlowAction action, String message, String taskKey,
                          Optional<ValueTemplate> businessKey, FlowMode mode, Duration timeout,
                          VariableMapping variables, Map<String, Integer> errors, Optional<ValueTemplate> instance,
                          Duration buffer, Optional<MockAnswer> mock, boolean uniqueBusinessKey) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** The longest {@code x-flow-timeout} accepted: a request thread waits this long at most. */
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);
    /** The longest {@code x-flow-buffer} accepted. */
    public static final Duration MAX_BUFFER = Duration.ofDays(7);

    public FlowBinding {
        errors = Map.copyOf(errors);
        buffer = buffer == null ? Duration.ZERO : buffer;
        mock = mock == null ? Optional.empty() : mock;
    }

    /** {@code x-flow-action: mock}: no flow, no variables; the operation answers {@code answer}. */
    public static FlowBinding ofMock(MockAnswer answer) {
        return new FlowBinding(null, FlowAction.MOCK, null, null, Optional.empty(), FlowMode.SYNC, DEFAULT_TIMEOUT,
                request -> Map.of(), Map.of(), Optional.empty(), Duration.ZERO, Optional.of(answer), false);
    }

    /** False only for {@code mock}: every other action drives the flow {@link #flowId()}. */
    public boolean runsFlow() {
        return action != FlowAction.MOCK;
    }

    /** A binding without an instance template (every action but {@code status}). */
    public FlowBinding(String flowId, FlowAction action, String message, String taskKey,
                       Optional<ValueTemplate> businessKey, FlowMode mode, Duration timeout,
                       VariableMapping variables, Map<String, Integer> errors) {
        this(flowId, action, message, taskKey, businessKey, mode, timeout, variables, errors, Optional.empty(),
                Duration.ZERO, Optional.empty(), false);
    }
}
