package io.flowgate.contracts.internal.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowgate.contracts.internal.JsonPointers;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A copy of a document with every local {@code $ref} replaced by a copy of what it points at, so a renderer needs
 * no resolver. Members beside a {@code $ref} (a {@code description}, 3.0's {@code nullable}) are laid over the copy.
 * Two things stay references: one back into a schema being expanded (a recursive schema cannot be written out),
 * and every reference once the copy has grown to {@link #MAX_NODES} values — a few references can multiply a
 * document (each used twice at every level), and the answer must stay bounded. The components stay in the copy,
 * so what is left as a reference still points somewhere. The input is {@link RefGuard}-checked: local references
 * only.
 */
public final class RefInliner {

    /** As many values as publishing lets a document expand to. */
    public static final int MAX_NODES = SafeDocumentReader.MAX_EXPANDED_NODES;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode document;
    private final Set<String> expanding = new HashSet<>();
    private final Map<String, JsonNode> targets = new HashMap<>();
    private int written;

    private RefInliner(JsonNode document) {
        this.document = document;
    }

    public static JsonNode inline(JsonNode document) {
        return new RefInliner(document).copy(document);
    }

    private JsonNode copy(JsonNode node) {
        if (written >= MAX_NODES) {
            return node; // out of budget: the rest as it stands (nodes are never changed, so sharing is safe)
        }
        written++;
        if (node.isArray()) {
            ArrayNode array = NODES.arrayNode(node.size());
            node.forEach(item -> array.add(copy(item)));
            return array;
        }
        if (!node.isObject()) {
            return node;
        }
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.isTextual()) {
            return inlined(node, ref.asText());
        }
        ObjectNode object = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            object.set(field.getKey(), copy(field.getValue()));
        }
        return object;
    }

    private JsonNode inlined(JsonNode reference, String ref) {
        JsonNode target = targets.computeIfAbsent(ref, pointer -> JsonPointers.resolveRef(document, pointer));
        if (target.isMissingNode() || !expanding.add(ref)) {
            return reference; // recursive (or, against RefGuard, dangling): keep the reference
        }
        JsonNode copied;
        try {
            copied = copy(target);
        } finally {
            expanding.remove(ref);
        }
        if (!(copied instanceof ObjectNode object) || reference.size() == 1) {
            return copied;
        }
        // a new top-level object: the copy may share nodes with the document, which must not change
        ObjectNode merged = NODES.objectNode();
        merged.setAll(object);
        for (Iterator<Map.Entry<String, JsonNode>> it = reference.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!"$ref".equals(field.getKey())) {
                merged.set(field.getKey(), copy(field.getValue()));
            }
        }
        return merged;
    }
}
