package io.flowgate.gateway.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * SHA-256 of method, path (with query) and body. A JSON body is hashed in a canonical form with object members
 * sorted by name, so {@code {"a":1,"b":2}} and {@code {"b":2, "a":1}} are the same request; anything else (or JSON
 * that does not parse) is hashed as its raw bytes.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    public static String of(String method, String pathAndQuery, String contentType, byte[] body, ObjectMapper json) {
        MessageDigest sha = sha256();
        sha.update((method + "\n" + pathAndQuery + "\n").getBytes(StandardCharsets.UTF_8));
        sha.update(canonicalBody(contentType, body == null ? new byte[0] : body, json));
        return HexFormat.of().formatHex(sha.digest());
    }

    static byte[] canonicalBody(String contentType, byte[] body, ObjectMapper json) {
        if (body.length == 0 || contentType == null || !contentType.toLowerCase().contains("json")) {
            return body;
        }
        try {
            JsonNode tree = json.readTree(body);
            return tree == null ? body : json.writeValueAsBytes(sorted(tree));
        } catch (IOException | RuntimeException e) {
            return body;
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            ObjectNode copy = object.objectNode();
            for (String name : names) {
                copy.set(name, sorted(object.get(name)));
            }
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = array.arrayNode(array.size());
            for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
                copy.add(sorted(it.next()));
            }
            return copy;
        }
        return node;
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
