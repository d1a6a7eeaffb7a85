package io.flowgate.contracts.internal.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.contracts.internal.template.JsonTemplate;
import io.flowgate.contracts.mapping.RequestScope;
import io.flowgate.contracts.mapping.TemplateScope;
import io.flowgate.contracts.mapping.VariableMapping;
import io.flowgate.contracts.validation.ValidatedRequest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code x-flow-variables}: each variable rendered from its compiled template. A variable whose look-up finds
 * nothing is left unset (an explicit JSON null in the request stays null).
 */
public final class TemplateVariableMapping implements VariableMapping {

    private final Map<String, JsonTemplate> templates;

    public TemplateVariableMapping(Map<String, JsonTemplate> templates) {
        this.templates = Collections.unmodifiableMap(new LinkedHashMap<>(templates));
    }

    @Override
    public Map<String, Object> variables(ValidatedRequest request) {
        TemplateScope scope = RequestScope.of(request);
        Map<String, Object> variables = new LinkedHashMap<>();
        templates.forEach((name, template) -> {
            JsonNode value = template.render(scope);
            if (!value.isMissingNode()) {
                variables.put(name, JsonValues.toJava(value));
            }
        });
        return variables;
    }
}
