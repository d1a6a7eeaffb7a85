package io.flowgate.gateway.webhooks.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.gateway.idempotency.StoredResponse;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A response as bytes and the headers worth replaying, and back. */
final class ResponseCapture {

    private static final List<String> KEPT_HEADERS = List.of("Location", "Flowgate-Instance",
            "Flowgate-Instance-State");

    private final ObjectMapper json;

    ResponseCapture(ObjectMapper json) {
        this.json = json;
    }

    StoredResponse capture(HttpResponse<?> response) {
        Map<String, String> headers = new LinkedHashMap<>();
        Object body = response.getBody().orElse(null);
        Optional<MediaType> contentType = response.getContentType();
        byte[] bytes;
        if (body == null) {
            bytes = new byte[0];
        } else if (body instanceof byte[] raw) {
            bytes = raw;
        } else if (body instanceof CharSequence text) {
            bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            contentType = contentType.or(() -> Optional.of(MediaType.TEXT_PLAIN_TYPE));
        } else {
            bytes = serialize(body);
            contentType = contentType.or(() -> Optional.of(MediaType.APPLICATION_JSON_TYPE));
        }
        contentType.ifPresent(type -> headers.put(HttpHeaders.CONTENT_TYPE, type.toString()));
        for (String name : KEPT_HEADERS) {
            String value = response.getHeaders().get(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return new StoredResponse(response.code(), headers, bytes);
    }

    static MutableHttpResponse<byte[]> toResponse(int status, StoredResponse stored) {
        MutableHttpResponse<byte[]> response = HttpResponse.status(HttpStatus.valueOf(status));
        stored.headers().forEach((name, value) -> {
            if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                response.contentType(value);
            } else {
                response.header(name, value);
            }
        });
        if (stored.body().length > 0) {
            response.body(stored.body());
        }
        return response;
    }

    private byte[] serialize(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the response body: " + e.getOriginalMessage(), e);
        }
    }
}
