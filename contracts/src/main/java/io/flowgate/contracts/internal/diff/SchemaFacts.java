package io.flowgate.contracts.internal.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.contracts.internal.JsonPointers;
import io.flowgate.contracts.internal.JsonPointers.Located;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads what a diff compares of a schema: its type, and its properties flattened to dotted paths with whether each
 * is required. {@code allOf} members are merged; nesting is followed a few levels deep, and a schema that refers back
 * to itself is not expanded again.
 */
final class SchemaFacts {

    static final String ANY = "any";
    private static final int MAX_DEPTH = 6;

    private final JsonNode document;

    SchemaFacts(JsonNode document) {
        this.document = document;
    }

    /** The declared type ({@code string}, {@code integer|null} for a 3.1 list), else what the keywords imply. */
    String type(JsonNode schema) {
        JsonNode resolved = follow(schema).node();
        JsonNode type = resolved.get("type");
        if (type != null && type.isTextual()) {
            return type.asText();
        }
        if (type != null && type.isArray()) {
            Set<String> types = new TreeSet<>();
            type.forEach(t -> types.add(t.asText()));
            return String.join("|", types);
        }
        if (resolved.has("properties") || resolved.has("allOf")) {
            return "object";
        }
        if (resolved.has("items")) {
            return "array";
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (resolved.has(choice)) {
                return choice;
            }
        }
        return ANY;
    }

    /** The properties of an object schema by dotted path ({@code customer.email}, {@code lines[].sku}). */
    Map<String, OperationFacts.Property> properties(JsonNode schema) {
        Map<String, OperationFacts.Property> properties = new LinkedHashMap<>();
        collect(schema, "", 0, new HashSet<>(), properties);
        return properties;
    }

    /** Whether the schema allows no other top-level properties. */
    boolean closed(JsonNode schema) {
        JsonNode additional = follow(schema).node().get("additionalProperties");
        return additional != null && additional.isBoolean() && !additional.asBoolean();
    }

    private void collect(JsonNode schema, String prefix, int depth, Set<String> expanding,
                         Map<String, OperationFacts.Property> into) {
        Located resolved = follow(schema);
        // the pointer is null for an inline schema, which cannot lead back to itself without a $ref
        String pointer = resolved.pointer();
        if (depth > MAX_DEPTH || pointer != null && !expanding.add(pointer)) {
            return;
        }
        Set<String> required = new HashSet<>();
        Map<String, JsonNode> declared = new LinkedHashMap<>();
        for (JsonNode part : parts(resolved.node())) {
            part.path("required").forEach(name -> required.add(name.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> it = part.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                declared.putIfAbsent(property.getKey(), property.getValue());
            }
        }
        declared.forEach((name, property) -> {
            String path = prefix + name;
            String type = type(property);
            into.put(path, new OperationFacts.Property(required.contains(name), type));
            if ("object".equals(type)) {
                collect(property, path + ".", depth + 1, expanding, into);
            } else if ("array".equals(type)) {
                collect(follow(property).node().path("items"), path + "[].", depth + 1, expanding, into);
            }
        });
        if (pointer != null) {
            expanding.remove(pointer);
        }
    }

    /** The schema and its {@code allOf} members (one level), each with its {@code $ref} followed. */
    private List<JsonNode> parts(JsonNode schema) {
        List<JsonNode> parts = new ArrayList<>();
        parts.add(schema);
        for (JsonNode member : schema.path("allOf")) {
            parts.add(follow(member).node());
        }
        return parts;
    }

    /** The node with its {@code $ref}s followed, and the pointer of the target (null when it had none). */
    Located follow(JsonNode node) {
        return JsonPointers.follow(document, node, null);
    }
}
