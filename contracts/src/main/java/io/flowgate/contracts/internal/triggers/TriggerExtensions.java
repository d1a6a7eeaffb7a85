package io.flowgate.contracts.internal.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.contracts.ContractFinding;
import io.flowgate.contracts.FlowAction;
import io.flowgate.contracts.TenantSource;
import io.flowgate.contracts.internal.extension.TenantMember;
import io.flowgate.contracts.internal.mapping.EventScope;
import io.flowgate.contracts.internal.mapping.TemplateEventMapping;
import io.flowgate.contracts.internal.template.JsonTemplate;
import io.flowgate.contracts.internal.template.TemplateError;
import io.flowgate.contracts.internal.template.Templates;
import io.flowgate.contracts.mapping.ValueTemplate;
import io.flowgate.contracts.triggers.FlowTrigger;
import io.flowgate.contracts.triggers.KafkaSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the document-level {@code x-flow-triggers} once, at publish time, into {@link FlowTrigger}s. Every value
 * that is not well-formed becomes a finding about that entry whose reason starts with its location
 * ({@code x-flow-triggers[0].kafka.topic: …}); an entry with findings is left out.
 */
public final class TriggerExtensions {

    public static final String NAME = "x-flow-triggers";
    /** More would mean one consumer group juggling more topics than anyone can operate. */
    static final int MAX_TRIGGERS = 100;
    private static final Set<String> KEYS = Set.of("kafka", "flow", "action", "message", "business-key",
            "variables", "tenant");
    private static final Set<String> KAFKA_KEYS = Set.of("topic", "group");
    /** Kafka's own rule for topic names. */
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");
    private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9._-]{1,255}");

    /** The triggers and the findings about them. */
    public record Result(List<FlowTrigger> triggers, List<ContractFinding> findings) {
    }

    public Result read(String contract, JsonNode document) {
        List<ContractFinding> findings = new ArrayList<>();
        if (document.path("info").has(NAME)) {
            findings.add(ContractFinding.ofDocument(contract, NAME + ": declare it at the document root (beside "
                    + "openapi and info), not under info"));
        }
        JsonNode value = document.path(NAME);
        if (value.isMissingNode()) {
            return new Result(List.of(), findings);
        }
        if (!value.isArray() || value.size() > MAX_TRIGGERS) {
            findings.add(ContractFinding.ofDocument(contract, NAME + ": must be a list of at most " + MAX_TRIGGERS
                    + " triggers ({kafka: {topic, group}, flow, action, …}), not " + abbreviate(value)));
            return new Result(List.of(), findings);
        }
        List<FlowTrigger> triggers = new ArrayList<>();
        Map<KafkaSource, Integer> sources = new HashMap<>();
        for (int i = 0; i < value.size(); i++) {
            List<String> reasons = new ArrayList<>();
            FlowTrigger trigger = new Entry(contract, i, value.get(i), reasons).read();
            if (trigger != null) {
                Integer earlier = sources.putIfAbsent(trigger.kafka(), i);
                if (earlier != null) {
                    reasons.add("topic '" + trigger.kafka().topic() + "' in group '" + trigger.kafka().group()
                            + "' is already read by " + FlowTrigger.location(earlier) + "; one trigger per topic "
                            + "and group");
                }
            }
            String location = FlowTrigger.location(i);
            reasons.forEach(r -> findings.add(ContractFinding.ofTrigger(contract, location, r)));
            if (trigger != null && reasons.isEmpty()) {
                triggers.add(trigger);
            }
        }
        return new Result(triggers, findings);
    }

    /** One entry; each problem is added to {@code reasons}, prefixed with the entry's location. */
    private static final class Entry {
        private final String contract;
        private final int index;
        private final JsonNode node;
        private final List<String> reasons;
        private final String where;

        Entry(String contract, int index, JsonNode node, List<String> reasons) {
            this.contract = contract;
            this.index = index;
            this.node = node;
            this.reasons = reasons;
            this.where = FlowTrigger.location(index);
        }

        FlowTrigger read() {
            if (!node.isObject()) {
                reasons.add(where + ": must be an object {kafka: {topic, group}, flow, action, …}, not "
                        + abbreviate(node));
                return null;
            }
            unknownKeys(node, KEYS, where);
            KafkaSource kafka = kafka();
            String flow = text("flow", true);
            FlowAction action = action();
            String message = text("message", false);
            Optional<ValueTemplate> businessKey = businessKey();
            Map<String, JsonTemplate> variables = variables();
            Optional<TenantSource> tenant = TenantMember.read(node.get("tenant"), where + ".tenant", reasons);
            if (tenant.filter(t -> t.kind() == TenantSource.Kind.INSTANCE).isPresent()
                    && action == FlowAction.START) {
                reasons.add(where + ".tenant: instance applies only to action: correlate (a start has no instance "
                        + "to take the tenant from); use {fixed: <tenant>}");
            }
            if (action == FlowAction.CORRELATE) {
                require(message != null || node.has("message"), "message");
                require(businessKey.isPresent() || node.has("business-key"), "business-key");
            } else if (action == FlowAction.START && node.has("message")) {
                reasons.add(where + ".message: only applies to action: correlate");
            }
            if (!reasons.isEmpty()) {
                return null;
            }
            return new FlowTrigger(contract, index, kafka, flow, action, message, businessKey,
                    new TemplateEventMapping(where, businessKey, variables), tenant.orElseThrow());
        }

        private KafkaSource kafka() {
            JsonNode kafka = node.path("kafka");
            if (!kafka.isObject()) {
                reasons.add(where + ".kafka: required, an object {topic: <name>, group: <consumer group>}, not "
                        + abbreviate(kafka));
                return null;
            }
            unknownKeys(kafka, KAFKA_KEYS, where + ".kafka");
            String topic = name(kafka, "topic", TOPIC, null);
            if (topic != null && (topic.equals(".") || topic.equals(".."))) {
                reasons.add(where + ".kafka.topic: '" + topic + "' is not a valid topic name");
            }
            String group = name(kafka, "group", GROUP, KafkaSource.DEFAULT_GROUP);
            return topic == null || group == null ? null : new KafkaSource(topic, group);
        }

        private String name(JsonNode kafka, String key, Pattern valid, String fallback) {
            JsonNode value = kafka.path(key);
            if (value.isMissingNode() && fallback != null) {
                return fallback;
            }
            if (!value.isTextual() || !valid.matcher(value.asText()).matches()) {
                reasons.add(where + ".kafka." + key + ": must be " + (fallback == null ? "" : "absent (" + fallback
                        + ") or ") + "1 to " + (key.equals("topic") ? 249 : 255) + " letters, digits, '.', '_' or "
                        + "'-', not " + abbreviate(value));
                return null;
            }
            return value.asText();
        }

        private String text(String key, boolean required) {
            JsonNode value = node.path(key);
            if (value.isMissingNode() && !required) {
                return null;
            }
            if (!value.isTextual() || value.asText().isBlank()) {
                reasons.add(where + "." + key + ": " + (required ? "required, " : "") + "a non-empty string, not "
                        + abbreviate(value));
                return null;
            }
            return value.asText().strip();
        }

        private FlowAction action() {
            String text = node.has("action") ? text("action", true) : FlowAction.START.value();
            if (text == null) {
                return null;
            }
            for (FlowAction action : List.of(FlowAction.START, FlowAction.CORRELATE)) {
                if (action.value().equals(text)) {
                    return action;
                }
            }
            reasons.add(where + ".action: '" + text + "' is not one of start, correlate");
            return null;
        }

        private Optional<ValueTemplate> businessKey() {
            String text = text("business-key", false);
            if (text == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(Templates.compile(text, EventScope.ROOTS));
            } catch (TemplateError e) {
                reasons.add(where + ".business-key: " + e.getMessage());
                return Optional.empty();
            }
        }

        /** @return the declared variables, or null when absent (every top-level property of the value) */
        private Map<String, JsonTemplate> variables() {
            JsonNode value = node.path("variables");
            if (value.isMissingNode()) {
                return null;
            }
            if (!value.isObject()) {
                reasons.add(where + ".variables: must be an object of variable name → template, not "
                        + abbreviate(value));
                return Map.of();
            }
            Map<String, JsonTemplate> templates = new LinkedHashMap<>();
            value.fields().forEachRemaining(variable -> {
                try {
                    templates.put(variable.getKey(), Templates.compileTree(variable.getValue(), EventScope.ROOTS));
                } catch (TemplateError e) {
                    reasons.add(where + ".variables." + variable.getKey() + ": " + e.getMessage());
                }
            });
            return templates;
        }

        private void require(boolean present, String key) {
            if (!present) {
                reasons.add(where + "." + key + ": required when action is correlate");
            }
        }

        private void unknownKeys(JsonNode object, Set<String> known, String at) {
            object.fieldNames().forEachRemaining(key -> {
                if (!known.contains(key)) {
                    reasons.add(at + ": unknown key '" + key + "' (known: " + String.join(", ", new TreeSet<>(known))
                            + ")");
                }
            });
        }
    }

    private static String abbreviate(JsonNode value) {
        String text = value.isMissingNode() ? "nothing" : value.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
