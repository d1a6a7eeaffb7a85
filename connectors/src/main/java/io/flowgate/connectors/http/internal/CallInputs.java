package io.flowgate.connectors.http.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.connectors.ConnectorBusinessError;
import io.flowgate.connectors.ConnectorRequest;
import io.flowgate.connectors.http.HttpErrors;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the inputs of {@code http.request} into an {@link Call}. A value that cannot be used is
 * {@code INVALID_INPUT}: retrying the same input cannot help.
 */
public final class CallInputs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)?");

    /** A request ready to check and send. {@code body} is null when there is none. */
    public record Call(String method, URI url, Map<String, String> headers, byte[] body, Duration timeout) {
    }

    private CallInputs() {
    }

    public static Call read(ConnectorRequest request, Duration defaultTimeout, Duration maxTimeout) {
        String method = text(request.input("method"), "GET").toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw invalid("'method' must be one of " + METHODS + ", was " + method);
        }
        URI url = url(request.input("url"));
        Map<String, String> headers = headers(request.input("headers"));
        byte[] body = body(request.input("body"), headers);
        if (body != null && (method.equals("GET") || method.equals("HEAD"))) {
            throw invalid("'body' cannot be sent with " + method);
        }
        return new Call(method, url, headers, body, timeout(request.input("timeout"), defaultTimeout, maxTimeout));
    }

    private static URI url(Object value) {
        String text = text(value, "");
        if (text.isEmpty()) {
            throw invalid("'url' is required");
        }
        try {
            URI url = new URI(text);
            boolean web = "http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme());
            // another scheme is refused by OutboundPolicy, so the flow sees HTTP_REFUSED naming it
            if (!url.isAbsolute() || web && url.getHost() == null) {
                throw invalid("'url' must be absolute with a host, such as https://api.example.com/v1");
            }
            if (url.getRawUserInfo() != null) {
                throw invalid("'url' must not carry credentials; send them in 'headers'");
            }
            return url;
        } catch (URISyntaxException e) {
            throw invalid("'url' does not parse: " + e.getReason());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> headers(Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return new LinkedHashMap<>();
        }
        if (value instanceof String text) {
            try {
                value = JSON.readValue(text, Map.class);
            } catch (JsonProcessingException e) {
                throw invalid("'headers' must be an object of name → value");
            }
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw invalid("'headers' must be an object of name → value");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        ((Map<Object, Object>) map).forEach((name, v) -> {
            if (name == null || !name.toString().matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw invalid("'headers' has an invalid header name: " + name);
            }
            if (v != null) {
                headers.put(name.toString(), v.toString());
            }
        });
        return headers;
    }

    /** Text is sent as it is; any other JSON value as JSON. Sets a Content-Type when the flow gave none. */
    private static byte[] body(Object value, Map<String, String> headers) {
        if (value == null) {
            return null;
        }
        boolean json = true;
        byte[] bytes;
        if (value instanceof String text) {
            bytes = text.getBytes(StandardCharsets.UTF_8);
            json = looksLikeJson(text);
        } else {
            try {
                bytes = JSON.writeValueAsBytes(value);
            } catch (JsonProcessingException e) {
                throw invalid("'body' cannot be written as JSON: " + e.getOriginalMessage());
            }
        }
        if (headers.keySet().stream().noneMatch("content-type"::equalsIgnoreCase)) {
            headers.put("Content-Type", json ? "application/json" : "text/plain; charset=utf-8");
        }
        return bytes;
    }

    private static boolean looksLikeJson(String text) {
        try {
            JSON.readTree(text);
            String trimmed = text.trim();
            return trimmed.startsWith("{") || trimmed.startsWith("[");
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** {@code 500ms}, {@code 5s}, {@code 2m}, plain seconds or ISO-8601 ({@code PT5S}); at most {@code max}. */
    static Duration timeout(Object value, Duration fallback, Duration max) {
        String text = text(value, "");
        if (text.isEmpty()) {
            return fallback;
        }
        Duration timeout;
        Matcher shortForm = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
        try {
            if (shortForm.matches()) {
                long amount = Long.parseLong(shortForm.group(1));
                String unit = shortForm.group(2) == null ? "s" : shortForm.group(2);
                timeout = switch (unit) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofSeconds(amount);
                };
            } else {
                timeout = Duration.parse(text);
            }
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw invalid("'timeout' must look like 500ms, 5s, 1m or PT5S, was " + text);
        }
        if (timeout.compareTo(Duration.ofMillis(1)) < 0 || timeout.compareTo(max) > 0) {
            throw invalid("'timeout' must be between 1ms and " + max.toSeconds() + "s, was " + text);
        }
        return timeout;
    }

    private static String text(Object value, String fallback) {
        return value == null || value.toString().isBlank() ? fallback : value.toString().trim();
    }

    private static ConnectorBusinessError invalid(String message) {
        return new ConnectorBusinessError(HttpErrors.INVALID_INPUT, message);
    }
}
