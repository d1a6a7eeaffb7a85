package io.flowgate.contracts.internal.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowgate.contracts.internal.template.MapScope;
import io.flowgate.contracts.mapping.ResponseContext;
import io.flowgate.contracts.mapping.TemplateScope;

import java.util.Map;

/** The roots a response template reads: {@code vars}, {@code instance} and {@code error}; null fields are absent. */
final class ResponseScope {

    private ResponseScope() {
    }

    static TemplateScope of(ResponseContext context) {
        ObjectNode instance = JsonNodeFactory.instance.objectNode();
        putIfPresent(instance, "id", context.instanceId());
        putIfPresent(instance, "state", context.state());
        putIfPresent(instance, "businessKey", context.businessKey());
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        putIfPresent(error, "code", context.errorCode());
        putIfPresent(error, "message", context.errorMessage());
        JsonNode vars = JsonValues.toTree(context.variables() == null ? Map.of() : context.variables());
        return new MapScope(Map.of("vars", vars, "instance", instance, "error", error));
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
