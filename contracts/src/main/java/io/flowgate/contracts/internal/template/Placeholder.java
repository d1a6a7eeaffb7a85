package io.flowgate.contracts.internal.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.flowgate.contracts.mapping.TemplateScope;

import java.util.List;

/**
 * One {@code {root.a.b}} look-up: a root and the names (or array indexes) below it. Only walks the tree; the value
 * found is returned as is and never evaluated, so a request value like {@code ${...}} stays text.
 *
 * @param root     e.g. {@code body}
 * @param segments e.g. {@code [items, 0, sku]}
 */
public record Placeholder(String root, List<String> segments) {

    public Placeholder {
        segments = List.copyOf(segments);
    }

    /** @return the value, or a missing node when any step does not exist */
    public JsonNode lookUp(TemplateScope scope) {
        JsonNode current = scope.root(root).orElse(MissingNode.getInstance());
        for (String segment : segments) {
            current = step(current, segment);
            if (current.isMissingNode()) {
                break;
            }
        }
        return current;
    }

    private static JsonNode step(JsonNode node, String segment) {
        if (node.isObject()) {
            return node.path(segment);
        }
        if (node.isArray() && isIndex(segment)) {
            return node.path(Integer.parseInt(segment));
        }
        return MissingNode.getInstance();
    }

    private static boolean isIndex(String segment) {
        return !segment.isEmpty() && segment.length() < 10 && segment.chars().allMatch(Character::isDigit);
    }

    @Override
    public String toString() {
        return "{" + root + (segments.isEmpty() ? "" : "." + String.join(".", segments)) + "}";
    }
}
