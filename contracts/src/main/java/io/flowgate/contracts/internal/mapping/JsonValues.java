package io.flowgate.contracts.internal.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON tree ↔ plain Java values (String, Number, Boolean, Map, List, null) for process variables. */
final class JsonValues {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonValues() {
    }

    static Object toJava(JsonNode node) {
        return MAPPER.convertValue(node, Object.class);
    }

    static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }
}
