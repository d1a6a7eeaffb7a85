package io.flowgate.contracts.internal.mapping;

import io.flowgate.contracts.mapping.VariableMapping;
import io.flowgate.contracts.validation.ValidatedRequest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The mapping when {@code x-flow-variables} is absent: every declared path and query parameter and every top-level
 * property of a JSON object body, by name (body properties win over parameters of the same name). A body that is
 * not an object (an array, text) becomes the variable {@code body}. Headers and claims are never mapped by default.
 */
public final class DefaultVariableMapping implements VariableMapping {

    public static final DefaultVariableMapping INSTANCE = new DefaultVariableMapping();

    private DefaultVariableMapping() {
    }

    @Override
    public Map<String, Object> variables(ValidatedRequest request) {
        Map<String, Object> variables = new LinkedHashMap<>();
        request.path().forEach((name, value) -> variables.put(name, JsonValues.toJava(value)));
        request.query().forEach((name, value) -> variables.put(name, JsonValues.toJava(value)));
        if (request.body().isObject()) {
            request.body().fields().forEachRemaining(e -> variables.put(e.getKey(), JsonValues.toJava(e.getValue())));
        } else if (!request.body().isMissingNode()) {
            variables.put("body", JsonValues.toJava(request.body()));
        }
        return variables;
    }
}
