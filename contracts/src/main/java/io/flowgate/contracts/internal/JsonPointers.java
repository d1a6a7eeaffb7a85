package io.flowgate.contracts.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** JSON pointer helpers for local {@code #/...} references inside one document. */
public final class JsonPointers {

    private static final int MAX_REF_HOPS = 32;

    private JsonPointers() {
    }

    /** Escapes one reference token ({@code ~} and {@code /}). */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** Resolves a {@code #/a/b} reference, or returns a missing node. */
    public static JsonNode resolveRef(JsonNode document, String ref) {
        if (!ref.startsWith("#")) {
            return MissingNode.getInstance();
        }
        try {
            String pointer = URLDecoder.decode(ref.substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
            return document.at(JsonPointer.compile(pointer));
        } catch (IllegalArgumentException e) {
            return MissingNode.getInstance();
        }
    }

    /** The pointer (without '#') a local reference names. */
    public static String pointerOf(String ref) {
        return URLDecoder.decode(ref.substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * Follows {@code $ref}s of a node (a parameter, a request body, a response, a schema) until a node without one.
     *
     * @return the target and its pointer; the node itself when it has no {@code $ref}
     */
    public static Located follow(JsonNode document, JsonNode node, String pointer) {
        JsonNode current = node;
        String at = pointer;
        for (int hop = 0; hop < MAX_REF_HOPS && current != null && current.path("$ref").isTextual(); hop++) {
            String ref = current.get("$ref").asText();
            at = pointerOf(ref);
            current = resolveRef(document, ref);
        }
        return new Located(current == null ? MissingNode.getInstance() : current, at);
    }

    /** A node and the JSON pointer where it sits in the document. */
    public record Located(JsonNode node, String pointer) {
        public Located child(String name) {
            return new Located(node.path(name), pointer + "/" + escape(name));
        }
    }
}
