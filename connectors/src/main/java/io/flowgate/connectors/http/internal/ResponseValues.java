package io.flowgate.connectors.http.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Turns an answer into the connector's outputs: status, headers, body and ok. */
public final class ResponseValues {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Object> ANY = new TypeReference<>() {
    };

    private ResponseValues() {
    }

    public static Map<String, Object> of(int status, HttpHeaders headers, byte[] body) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("status", status);
        outputs.put("headers", headers(headers));
        outputs.put("body", body(headers.firstValue("content-type").orElse(""), body));
        outputs.put("ok", status >= 200 && status < 300);
        return outputs;
    }

    /** Lower-case names; repeated headers joined with ", " as HTTP allows. */
    private static Map<String, Object> headers(HttpHeaders headers) {
        Map<String, Object> byName = new TreeMap<>();
        headers.map().forEach((name, values) -> {
            if (!name.startsWith(":")) { // HTTP/2 pseudo headers
                byName.put(name.toLowerCase(Locale.ROOT), String.join(", ", values));
            }
        });
        return byName;
    }

    /** Parsed JSON when the answer says it is JSON (and is); otherwise text; null when empty. */
    private static Object body(String contentType, byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        String mediaType = type.split(";", 2)[0].trim();
        if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
            try {
                return JSON.readValue(body, ANY);
            } catch (IOException e) {
                // a server that mislabels its answer: hand the text over rather than failing the flow
            }
        }
        return new String(body, charset(type));
    }

    private static Charset charset(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.startsWith("charset=")) {
                try {
                    return Charset.forName(p.substring(8).replace("\"", "").trim());
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
