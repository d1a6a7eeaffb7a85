package io.flowgate.gateway.idempotency;

import java.util.Map;

/** A response kept for replay, byte for byte. */
public record StoredResponse(int status, Map<String, String> headers, byte[] body) {
    public StoredResponse {
        headers = Map.copyOf(headers);
    }
}
