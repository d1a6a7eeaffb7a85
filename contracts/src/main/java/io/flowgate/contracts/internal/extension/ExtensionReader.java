package io.flowgate.contracts.internal.extension;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.contracts.FlowAction;
import io.flowgate.contracts.FlowBinding;
import io.flowgate.contracts.FlowMode;
import io.flowgate.contracts.internal.mapping.TemplateVariableMapping;
import io.flowgate.contracts.internal.template.JsonTemplate;
import io.flowgate.contracts.internal.template.Placeholder;
import io.flowgate.contracts.internal.template.TemplateError;
import io.flowgate.contracts.internal.template.TemplateRoots;
import io.flowgate.contracts.internal.template.Templates;
import io.flowgate.contracts.mapping.ValueTemplate;
import io.flowgate.contracts.mapping.VariableMapping;

import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads single {@code x-flow-*} values of one operation, adding a finding for each malformed one. */
final class ExtensionReader {

    private final JsonNode op;
    private final Set<String> pathVariables;
    private final List<String> findings;

    ExtensionReader(JsonNode op, Set<String> pathVariables, List<String> findings) {
        this.op = op;
        this.pathVariables = pathVariables;
        this.findings = findings;
    }

    String requiredText(String name) {
        JsonNode value = op.path(name);
        if (!value.isTextual() || value.asText().isBlank()) {
            findings.add(name + ": must be a non-empty string, not " + value);
            return null;
        }
        return value.asText().strip();
    }

    String optionalText(String name) {
        return op.has(name) ? requiredText(name) : null;
    }

    FlowAction action() {
        String text = op.has("x-flow-action") ? requiredText("x-flow-action") : FlowAction.START.value();
        if (text == null) {
            return null;
        }
        for (FlowAction action : FlowAction.values()) {
            if (action.value().equals(text)) {
                return action;
            }
        }
        findings.add("x-flow-action: '" + text + "' is not one of "
                + Arrays.stream(FlowAction.values()).map(FlowAction::value).collect(Collectors.joining(", ")));
        return null;
    }

    /** {@code x-flow-mode}; webhooks default to async: a sender wants its delivery accepted, not the flow's answer. */
    FlowMode mode() {
        String text = op.has("x-flow-mode") ? requiredText("x-flow-mode")
                : op.has(WebhookExtension.NAME) ? "async" : "sync";
        if ("sync".equals(text)) {
            return FlowMode.SYNC;
        }
        if ("async".equals(text)) {
            return FlowMode.ASYNC;
        }
        if (text != null) {
            findings.add("x-flow-mode: '" + text + "' is not one of sync, async");
        }
        return FlowMode.SYNC;
    }

    Duration timeout() {
        if (!op.has("x-flow-timeout")) {
            return FlowBinding.DEFAULT_TIMEOUT;
        }
        String text = requiredText("x-flow-timeout");
        Optional<Duration> parsed = text == null ? Optional.empty() : Durations.parse(text);
        if (parsed.isEmpty()) {
            if (text != null) {
                findings.add("x-flow-timeout: '" + text + "' is not a duration such as 500ms, 2s or 1m");
            }
            return FlowBinding.DEFAULT_TIMEOUT;
        }
        Duration timeout = parsed.get();
        if (timeout.isZero() || timeout.compareTo(FlowBinding.MAX_TIMEOUT) > 0) {
            findings.add("x-flow-timeout: '" + text + "' must be more than 0 and at most "
                    + FlowBinding.MAX_TIMEOUT.toSeconds() + "s");
            return FlowBinding.DEFAULT_TIMEOUT;
        }
        return timeout;
    }

    /** {@code x-flow-buffer}: how long a message no instance waits for yet is kept; zero when absent. */
    Duration buffer() {
        if (!op.has("x-flow-buffer")) {
            return Duration.ZERO;
        }
        String text = requiredText("x-flow-buffer");
        Optional<Duration> parsed = text == null ? Optional.empty() : Durations.parse(text);
        if (parsed.isEmpty() || parsed.get().isZero() || parsed.get().compareTo(FlowBinding.MAX_BUFFER) > 0) {
            if (text != null) {
                findings.add("x-flow-buffer: '" + text + "' must be a duration such as 30s, 10m or 1h, more than 0 "
                        + "and at most " + FlowBinding.MAX_BUFFER.toDays() + "d");
            }
            return Duration.ZERO;
        }
        return parsed.get();
    }

    /** A boolean extension; false when absent. */
    boolean flag(String name) {
        JsonNode value = op.path(name);
        if (value.isMissingNode()) {
            return false;
        }
        if (!value.isBoolean()) {
            findings.add(name + ": must be true or false, not " + value);
            return false;
        }
        return value.asBoolean();
    }

    Optional<ValueTemplate> template(String name) {
        if (!op.has(name)) {
            return Optional.empty();
        }
        String text = requiredText(name);
        if (text == null) {
            return Optional.empty();
        }
        try {
            ValueTemplate template = Templates.compile(text, TemplateRoots.REQUEST);
            checkPathVariables(name, Templates.placeholders(template));
            return Optional.of(template);
        } catch (TemplateError e) {
            findings.add(name + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    Optional<ValueTemplate> defaultInstance() {
        return Optional.of(Templates.compile("{path.id}", TemplateRoots.REQUEST));
    }

    VariableMapping variables() {
        JsonNode value = op.get("x-flow-variables");
        if (!value.isObject()) {
            findings.add("x-flow-variables: must be an object of variable name → template, not " + value);
            return null;
        }
        Map<String, JsonTemplate> templates = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> variable = it.next();
            String where = "x-flow-variables." + variable.getKey();
            try {
                JsonTemplate template = Templates.compileTree(variable.getValue(), TemplateRoots.REQUEST);
                checkPathVariables(where, template.placeholders());
                templates.put(variable.getKey(), template);
            } catch (TemplateError e) {
                findings.add(where + ": " + e.getMessage());
            }
        }
        return new TemplateVariableMapping(templates);
    }

    Map<String, Integer> errors() {
        JsonNode value = op.path("x-flow-errors");
        Map<String, Integer> errors = new LinkedHashMap<>();
        if (value.isMissingNode()) {
            return errors;
        }
        if (!value.isObject()) {
            findings.add("x-flow-errors: must be an object of BPMN error code → HTTP status, not " + value);
            return errors;
        }
        value.fields().forEachRemaining(e -> {
            JsonNode status = e.getValue().isObject() ? e.getValue().path("status") : e.getValue();
            if (!status.isInt() || status.asInt() < 400 || status.asInt() > 599) {
                findings.add("x-flow-errors." + e.getKey() + ": status must be a number from 400 to 599, not "
                        + e.getValue());
            } else {
                errors.put(e.getKey(), status.asInt());
            }
        });
        return errors;
    }

    private void checkPathVariables(String where, List<Placeholder> placeholders) {
        for (Placeholder p : placeholders) {
            if (p.root().equals("path") && !p.segments().isEmpty() && !pathVariables.contains(p.segments().get(0))) {
                findings.add(where + ": " + p + " is not a parameter of this path (has: "
                        + (pathVariables.isEmpty() ? "none" : String.join(", ", pathVariables)) + ")");
            }
        }
    }
}
