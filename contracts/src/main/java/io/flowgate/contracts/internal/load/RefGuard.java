package io.flowgate.contracts.internal.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.contracts.internal.JsonPointers;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses every reference that would make a parser or schema validator fetch something: only local
 * {@code #/...} pointers are allowed, and they must point at something. Runs on the tree before any library sees it,
 * so nothing is ever fetched.
 */
public final class RefGuard {

    private static final Set<String> KNOWN_DIALECTS = Set.of(
            "https://json-schema.org/draft/2020-12/schema",
            "https://spec.openapis.org/oas/3.1/dialect/base",
            "http://json-schema.org/draft-04/schema#",
            "http://json-schema.org/draft-07/schema#");

    /** @return one reason per refused reference, empty when the document only points inside itself */
    public List<String> check(JsonNode document) {
        List<String> reasons = new ArrayList<>();
        walk(document, document, "", reasons);
        return reasons;
    }

    private void walk(JsonNode document, JsonNode node, String at, List<String> reasons) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(document, node.get(i), at + "/" + i, reasons);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        checkKeywords(document, node, at, reasons);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            walk(document, field.getValue(), at + "/" + JsonPointers.escape(field.getKey()), reasons);
        }
    }

    private void checkKeywords(JsonNode document, JsonNode node, String at, List<String> reasons) {
        String where = at.isEmpty() ? "/" : at;
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.isTextual()) {
            checkLocal(document, "$ref", ref.asText(), where, reasons);
        }
        JsonNode dynamicRef = node.get("$dynamicRef");
        if (dynamicRef != null && dynamicRef.isTextual() && !dynamicRef.asText().startsWith("#")) {
            reasons.add("remote and file $refs are not allowed: $dynamicRef '" + dynamicRef.asText() + "' at "
                    + where);
        }
        JsonNode id = node.get("$id");
        if (id != null && id.isTextual()) {
            // an $id changes the base that later $refs resolve against, which could point them off the document
            reasons.add("$id is not supported in contracts (schemas are resolved inside the document only): '"
                    + id.asText() + "' at " + where);
        }
        JsonNode dialect = node.get("$schema");
        if (dialect != null && dialect.isTextual() && !KNOWN_DIALECTS.contains(dialect.asText())) {
            reasons.add("$schema '" + dialect.asText() + "' at " + where + " is not a known dialect");
        }
    }

    private static void checkLocal(JsonNode document, String keyword, String ref, String where, List<String> reasons) {
        if (!ref.equals("#") && !ref.startsWith("#/")) {
            reasons.add("remote and file $refs are not allowed: " + keyword + " '" + ref + "' at " + where
                    + " (only local '#/...' references)");
            return;
        }
        if (JsonPointers.resolveRef(document, ref).isMissingNode()) {
            reasons.add(keyword + " '" + ref + "' at " + where + " points to nothing in the document");
        }
    }
}
