package io.flowgate.contracts.internal.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.flowgate.contracts.validation.RequestData;
import io.flowgate.contracts.validation.UnsupportedMediaType;
import io.flowgate.contracts.validation.Violation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The declared request body: which media types are accepted, whether it is required and the schema of each JSON
 * media type. JSON is parsed with a nesting limit and duplicate keys refused; other declared media types pass
 * through as text.
 *
 * @param required whether {@code requestBody.required} is true
 * @param media    media type (lower-case, may be a range such as {@code text/*}) → how it is checked
 */
record BodySpec(boolean required, Map<String, MediaSpec> media) {

    static final int MAX_JSON_DEPTH = 200;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build()).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** @return the parsed body, a missing node when there is none; violations are added to the list */
    JsonNode read(RequestData request, List<Violation> violations) {
        byte[] bytes = request.body() == null ? new byte[0] : request.body();
        if (bytes.length == 0) {
            if (required) {
                violations.add(new Violation("body", "", "a request body is required"));
            }
            return MissingNode.getInstance();
        }
        String declared = matchMediaType(request.contentType());
        MediaSpec spec = media.get(declared);
        if (FormBodies.MEDIA_TYPE.equals(declared) && spec.schema() != null) {
            JsonNode form = FormBodies.parse(new String(bytes, StandardCharsets.UTF_8), spec.formFields());
            violations.addAll(spec.schema().validate(form, "body", ""));
            return form;
        }
        if (!isJson(declared) && !isJson(request.contentType())) {
            return TextNode.valueOf(new String(bytes, StandardCharsets.UTF_8));
        }
        JsonNode body;
        try {
            body = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            violations.add(new Violation("body", "", "malformed JSON: " + e.getOriginalMessage()));
            return MissingNode.getInstance();
        } catch (IOException e) {
            violations.add(new Violation("body", "", "unreadable body: " + e.getMessage()));
            return MissingNode.getInstance();
        }
        if (spec.schema() != null) {
            violations.addAll(spec.schema().validate(body, "body", ""));
        }
        return body;
    }

    /** @throws UnsupportedMediaType when no declared media type (or range) covers the request's */
    private String matchMediaType(String contentType) {
        if (contentType != null) {
            if (media.containsKey(contentType)) {
                return contentType;
            }
            int slash = contentType.indexOf('/');
            String range = slash < 0 ? null : contentType.substring(0, slash) + "/*";
            if (range != null && media.containsKey(range)) {
                return range;
            }
            if (media.containsKey("*/*")) {
                return "*/*";
            }
        }
        throw new UnsupportedMediaType(contentType == null ? "(none)" : contentType, List.copyOf(media.keySet()));
    }

    static boolean isJson(String mediaType) {
        return mediaType != null && (mediaType.equals("application/json") || mediaType.endsWith("+json"));
    }
}
