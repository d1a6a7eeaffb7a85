package io.flowgate.contracts.internal.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.contracts.internal.JsonPointers;
import io.flowgate.contracts.internal.JsonPointers.Located;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which declared response answers an operation and where its JSON lives: shared by the response mapping (what a
 * flow's answer is checked against) and the mock answer (what is answered without a flow).
 */
final class DeclaredResponses {

    private final JsonNode document;

    DeclaredResponses(JsonNode document) {
        this.document = document;
    }

    /** {@code x-flow-response.status} when it is a valid status, else the first declared 2xx, else 200. */
    static int status(JsonNode declared, JsonNode responses) {
        JsonNode status = declared.path("status");
        if (status.isInt() && status.asInt() >= 100 && status.asInt() <= 599) {
            return status.asInt();
        }
        return firstSuccess(responses);
    }

    static int firstSuccess(JsonNode responses) {
        for (Iterator<String> it = responses.fieldNames(); it.hasNext(); ) {
            String code = it.next();
            if (code.matches("2\\d\\d")) {
                return Integer.parseInt(code);
            }
        }
        return 200;
    }

    /** The response object for a status: exact code, then the {@code 2XX}-style range, then {@code default}. */
    Located response(Located responses, int status) {
        for (String key : List.of(String.valueOf(status), status / 100 + "XX", "default")) {
            if (responses.node().has(key)) {
                Located raw = responses.child(key);
                return JsonPointers.follow(document, raw.node(), raw.pointer());
            }
        }
        return null;
    }

    /** The response's JSON content: {@code application/json}, else the first {@code +json} media type. */
    static Optional<String> jsonMediaType(Located response) {
        JsonNode content = response.node().path("content");
        if (content.has("application/json")) {
            return Optional.of("application/json");
        }
        for (Iterator<String> it = content.fieldNames(); it.hasNext(); ) {
            String mediaType = it.next();
            if (mediaType.toLowerCase(Locale.ROOT).split(";")[0].strip().endsWith("+json")) {
                return Optional.of(mediaType);
            }
        }
        return Optional.empty();
    }

    /** The JSON schema of the response for a status; null when it declares none. */
    Located schema(Located responses, int status) {
        Located response = response(responses, status);
        if (response == null) {
            return null;
        }
        return jsonMediaType(response)
                .map(mediaType -> response.child("content").child(mediaType))
                .filter(media -> media.node().has("schema"))
                .map(media -> media.child("schema"))
                .orElse(null);
    }
}
