package io.flowgate.connectors.kafka.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.connectors.ConnectorRequest;
import io.flowgate.connectors.kafka.KafkaPublisher;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.flowgate.connectors.inputs.Inputs.invalid;

/**
 * Reads the inputs of {@code kafka.publish} into a {@link KafkaPublisher.Message}. A value that cannot be used is
 * {@code INVALID_INPUT}: retrying the same input cannot help.
 */
public final class PublishInputs {

    /** Set by Flowgate on every record; a flow cannot set or replace it. */
    public static final String IDEMPOTENCY_HEADER = "flowgate-idempotency-key";
    public static final int MAX_KEY_BYTES = 4096;
    public static final int MAX_HEADERS = 32;
    /** Names and values of all headers together; with the key, well inside {@link ProducerGuarantees#ENVELOPE_BYTES}. */
    public static final int MAX_HEADER_BYTES = 16 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Kafka's own rule for topic names; names starting with "__" are the cluster's internal topics. */
    private static final String TOPIC = "(?!__)(?!\\.{1,2}$)[A-Za-z0-9._-]{1,249}";

    private PublishInputs() {
    }

    public static KafkaPublisher.Message read(ConnectorRequest request, int maxValueSize) {
        String topic = topic(request.input("topic"));
        String key = key(request.input("key"));
        byte[] value = value(request.input("value"), maxValueSize);
        Map<String, String> headers = headers(request.input("headers"));
        headers.put(IDEMPOTENCY_HEADER, request.idempotencyKey());
        return new KafkaPublisher.Message(topic, key, value, headers);
    }

    private static String topic(Object value) {
        String topic = value == null ? "" : value.toString().trim();
        if (topic.isEmpty()) {
            throw invalid("'topic' is required");
        }
        if (!topic.matches(TOPIC)) {
            throw invalid("'topic' must be 1 to 249 letters, digits, '.', '_' or '-', not '.', '..' or an internal "
                    + "topic (__…), was '" + abbreviate(topic) + "'");
        }
        return topic;
    }

    private static String key(Object value) {
        if (value == null || value.toString().isEmpty()) {
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw invalid("'key' must be text, not a JSON object or array");
        }
        String key = value.toString();
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw invalid("'key' is longer than " + MAX_KEY_BYTES + " bytes");
        }
        return key;
    }

    /**
     * The value as JSON (UTF-8). Objects, arrays, numbers and booleans are written as JSON; text holding a JSON
     * object or array (what a designer types into the template's field) is that JSON; any other text is a JSON
     * string.
     */
    static byte[] value(Object value, int maxValueSize) {
        if (value == null) {
            throw invalid("'value' is required");
        }
        Object json = value;
        if (value instanceof String text) {
            json = containerOrNull(text);
            if (json == null) {
                json = text;
            }
        } else if (!(value instanceof Map<?, ?> || value instanceof List<?> || value instanceof Number
                || value instanceof Boolean)) {
            throw invalid("'value' must be a JSON object, array, text, number or boolean, was a "
                    + value.getClass().getSimpleName());
        }
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw invalid("'value' cannot be written as JSON: " + e.getOriginalMessage());
        }
        if (bytes.length > maxValueSize) {
            throw invalid("'value' is " + bytes.length + " bytes as JSON, more than flowgate.kafka.max-value-size ("
                    + maxValueSize + ")");
        }
        return bytes;
    }

    private static JsonNode containerOrNull(String text) {
        String trimmed = text.trim();
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            return null;
        }
        try {
            return JSON.readTree(trimmed);
        } catch (JsonProcessingException e) {
            throw invalid("'value' looks like a JSON object or array but does not parse: " + e.getOriginalMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> headers(Object value) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (value == null || value instanceof String s && s.isBlank()) {
            return headers;
        }
        if (value instanceof String text) {
            try {
                value = JSON.readValue(text, Map.class);
            } catch (JsonProcessingException e) {
                throw invalid("'headers' must be an object of name → text");
            }
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw invalid("'headers' must be an object of name → text");
        }
        int bytes = 0;
        for (Map.Entry<Object, Object> header : ((Map<Object, Object>) map).entrySet()) {
            String name = header.getKey() == null ? "" : header.getKey().toString();
            Object headerValue = header.getValue();
            if (name.isBlank() || name.length() > 255) {
                throw invalid("'headers' has a blank or overlong name");
            }
            if (name.toLowerCase(Locale.ROOT).equals(IDEMPOTENCY_HEADER)) {
                throw invalid("'headers' must not set " + IDEMPOTENCY_HEADER + "; Flowgate sets it");
            }
            if (headerValue instanceof Map<?, ?> || headerValue instanceof List<?>) {
                throw invalid("'headers' value of '" + name + "' must be text");
            }
            if (headerValue != null) {
                headers.put(name, headerValue.toString());
                bytes += name.getBytes(StandardCharsets.UTF_8).length
                        + headerValue.toString().getBytes(StandardCharsets.UTF_8).length;
            }
        }
        if (headers.size() > MAX_HEADERS || bytes > MAX_HEADER_BYTES) {
            throw invalid("'headers' may hold at most " + MAX_HEADERS + " headers of " + MAX_HEADER_BYTES
                    + " bytes together");
        }
        return headers;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
