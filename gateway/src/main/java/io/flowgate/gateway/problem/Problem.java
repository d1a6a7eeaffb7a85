package io.flowgate.gateway.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 (RFC 7807) problem document. {@code type} is a stable URI per {@code code}; extension members
 * (violations, findings, instance ids) go in {@link #extensions()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "code"})
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    /** Base of every problem type URI: {@code https://flowgate.io/problems/<code>}. */
    public static final String TYPE_BASE = "https://flowgate.io/problems/";
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(TYPE_BASE + code, title, status, detail, null, code, new LinkedHashMap<>());
    }

    public Problem with(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(extensions);
        copy.put(name, value);
        return new Problem(type, title, status, detail, instance, code, copy);
    }

    public Problem at(String requestPath) {
        return new Problem(type, title, status, detail, requestPath, code, extensions);
    }

    @JsonAnyGetter
    public Map<String, Object> any() {
        return extensions;
    }
}
