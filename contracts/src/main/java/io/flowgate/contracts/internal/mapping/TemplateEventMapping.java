package io.flowgate.contracts.internal.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.contracts.internal.template.JsonTemplate;
import io.flowgate.contracts.mapping.TemplateScope;
import io.flowgate.contracts.mapping.ValueTemplate;
import io.flowgate.contracts.triggers.EventMapping;
import io.flowgate.contracts.triggers.EventMappingFailed;
import io.flowgate.contracts.triggers.MappedEvent;
import io.flowgate.contracts.triggers.TriggerEvent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A trigger's {@code business-key} and {@code variables} over a record. Variables work as for requests: a look-up
 * that finds nothing leaves the variable unset. Without {@code variables}, every top-level property of the value
 * becomes a variable. A declared business key must find text (or a number) of at most 255 characters.
 */
public final class TemplateEventMapping implements EventMapping {

    /** Camunda's business key column. */
    static final int MAX_BUSINESS_KEY = 255;

    private final String location;
    private final Optional<ValueTemplate> businessKey;
    private final Map<String, JsonTemplate> variables;

    /**
     * @param location  the trigger's location, for failure messages
     * @param variables the declared variables, or null for the default (the value's top-level properties)
     */
    public TemplateEventMapping(String location, Optional<ValueTemplate> businessKey,
                                Map<String, JsonTemplate> variables) {
        this.location = location;
        this.businessKey = businessKey;
        this.variables = variables == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    @Override
    public MappedEvent map(TriggerEvent event) {
        TemplateScope scope = EventScope.of(event);
        String key = businessKey.map(template -> businessKey(template, scope)).orElse(null);
        return new MappedEvent(key, variables == null ? topLevel(event.value()) : render(scope));
    }

    private String businessKey(ValueTemplate template, TemplateScope scope) {
        JsonNode value = template.render(scope);
        String where = location + ".business-key '" + template.source() + "'";
        if (value.isMissingNode() || value.isNull()) {
            throw new EventMappingFailed(where + " found nothing in the record");
        }
        if (!value.isValueNode()) {
            throw new EventMappingFailed(where + " found " + (value.isArray() ? "an array" : "an object")
                    + ", not text");
        }
        String text = value.asText();
        if (text.isBlank() || text.length() > MAX_BUSINESS_KEY) {
            throw new EventMappingFailed(where + " must be 1 to " + MAX_BUSINESS_KEY + " characters, was "
                    + text.length());
        }
        return text;
    }

    private Map<String, Object> render(TemplateScope scope) {
        Map<String, Object> out = new LinkedHashMap<>();
        variables.forEach((name, template) -> {
            JsonNode value = template.render(scope);
            if (!value.isMissingNode()) {
                out.put(name, JsonValues.toJava(value));
            }
        });
        return out;
    }

    private Map<String, Object> topLevel(JsonNode value) {
        if (!value.isObject()) {
            throw new EventMappingFailed(location + ": the record value is not a JSON object, so there are no "
                    + "properties to take as variables; declare variables (e.g. {payload: \"{value}\"})");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        value.fields().forEachRemaining(field -> out.put(field.getKey(), JsonValues.toJava(field.getValue())));
        return out;
    }
}
