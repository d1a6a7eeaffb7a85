package io.flowgate.contracts.internal.extension;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.contracts.FlowAction;
import io.flowgate.contracts.FlowBinding;
import io.flowgate.contracts.FlowMode;
import io.flowgate.contracts.internal.JsonPointers.Located;
import io.flowgate.contracts.internal.mapping.DefaultVariableMapping;
import io.flowgate.contracts.internal.mapping.MockAnswerCompiler;
import io.flowgate.contracts.mapping.ValueTemplate;
import io.flowgate.contracts.mapping.VariableMapping;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads an operation's {@code x-flow-*} extensions once, at publish time, into a {@link FlowBinding}. Every value
 * that is not well-formed becomes a finding whose reason starts with the extension's name. {@code x-flow-response}
 * is compiled separately (it needs the response schemas); so is a mock's answer, by {@link MockAnswerCompiler}.
 */
public final class FlowExtensions {

    static final String UNIQUE_KEY = "x-flow-business-key-unique";
    static final Set<String> KNOWN = Set.of("x-flow-id", "x-flow-action", "x-flow-message", "x-flow-task",
            "x-flow-business-key", "x-flow-mode", "x-flow-timeout", "x-flow-variables", "x-flow-response",
            "x-flow-errors", "x-flow-instance", "x-flow-buffer", UNIQUE_KEY);

    private final MockExtension mock;

    public FlowExtensions(MockAnswerCompiler mockAnswers) {
        this.mock = new MockExtension(mockAnswers);
    }

    /**
     * @param operation     the operation object
     * @param pathVariables names of the operation path's template variables
     * @param findings      reasons are added here
     * @return the binding, empty when the operation has no {@code x-flow-id} and is no mock (unrouted) or it is
     *         malformed
     */
    public Optional<FlowBinding> read(Located operation, Set<String> pathVariables, List<String> findings) {
        JsonNode op = operation.node();
        int before = findings.size();
        checkUnknown(op, findings);
        if (declaresMock(op)) {
            Optional<FlowBinding> binding = mock.read(operation, findings);
            return findings.size() > before ? Optional.empty() : binding;
        }
        ExtensionReader reader = new ExtensionReader(op, pathVariables, findings);
        if (!op.has("x-flow-id")) {
            reportOrphans(op, findings);
            return Optional.empty();
        }
        String flowId = reader.requiredText("x-flow-id");
        FlowAction action = reader.action();
        String message = reader.optionalText("x-flow-message");
        String task = reader.optionalText("x-flow-task");
        Optional<ValueTemplate> businessKey = reader.template("x-flow-business-key");
        FlowMode mode = reader.mode();
        Duration timeout = reader.timeout();
        VariableMapping variables = op.has("x-flow-variables") ? reader.variables() : DefaultVariableMapping.INSTANCE;
        Map<String, Integer> errors = reader.errors();
        Optional<ValueTemplate> instance = reader.template("x-flow-instance");
        Duration buffer = reader.buffer();
        if (!buffer.isZero() && action != FlowAction.CORRELATE) {
            findings.add("x-flow-buffer: only applies to x-flow-action: correlate");
        }
        boolean uniqueKey = reader.flag(UNIQUE_KEY);
        if (op.has(UNIQUE_KEY) && (action != FlowAction.START || businessKey.isEmpty())) {
            findings.add(UNIQUE_KEY + ": only applies to x-flow-action: start with an x-flow-business-key");
        }
        instance = checkAction(action, message, task, businessKey, instance, pathVariables, reader, findings);
        if (flowId == null || action == null || findings.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new FlowBinding(flowId, action, message, task, businessKey, mode, timeout, variables,
                errors, instance, buffer, Optional.empty(), uniqueKey));
    }

    private static boolean declaresMock(JsonNode op) {
        JsonNode action = op.path("x-flow-action");
        return action.isTextual() && FlowAction.MOCK.value().equals(action.asText().strip());
    }

    private static Optional<ValueTemplate> checkAction(FlowAction action, String message, String task,
                                                       Optional<ValueTemplate> businessKey,
                                                       Optional<ValueTemplate> instance, Set<String> pathVariables,
                                                       ExtensionReader reader, List<String> findings) {
        if (action == FlowAction.CORRELATE) {
            require(message != null, "x-flow-message", "correlate", findings);
            require(businessKey.isPresent(), "x-flow-business-key", "correlate", findings);
        }
        if (action == FlowAction.COMPLETE_TASK) {
            require(task != null, "x-flow-task", "complete-task", findings);
            require(businessKey.isPresent(), "x-flow-business-key", "complete-task", findings);
        }
        if (action != FlowAction.STATUS) {
            if (instance.isPresent()) {
                findings.add("x-flow-instance: only applies to x-flow-action: status");
            }
            return Optional.empty();
        }
        if (instance.isPresent()) {
            return instance;
        }
        if (!pathVariables.contains("id")) {
            findings.add("x-flow-action: status reads the instance named by {path.id}: declare a path parameter "
                    + "'id' or set x-flow-instance (e.g. \"{path.instanceId}\")");
            return Optional.empty();
        }
        return reader.defaultInstance();
    }

    private static void require(boolean present, String extension, String action, List<String> findings) {
        if (!present) {
            findings.add(extension + ": required when x-flow-action is " + action);
        }
    }

    private static void checkUnknown(JsonNode op, List<String> findings) {
        op.fieldNames().forEachRemaining(key -> {
            if (key.startsWith("x-flow-") && !KNOWN.contains(key)) {
                findings.add("unknown extension " + key + " (known: " + KNOWN.stream().sorted()
                        .collect(Collectors.joining(", ")) + ")");
            }
        });
    }

    /** Extensions that only mean something behind a flow: most likely x-flow-id was forgotten or misspelled. */
    private static void reportOrphans(JsonNode op, List<String> findings) {
        List<String> orphans = KNOWN.stream().filter(op::has).sorted().toList();
        if (!orphans.isEmpty()) {
            findings.add(String.join(", ", orphans) + ": no effect without x-flow-id");
        }
    }
}
