package io.flowgate.gateway.webhooks.internal;

import io.flowgate.gateway.webhooks.SignedRequest;
import io.flowgate.gateway.webhooks.WebhookVerifier;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Flowgate's plain scheme for senders without one of their own: {@code X-Signature: sha256=<hex>} of the
 * HMAC-SHA256 of the body, or — when {@code X-Signature-Timestamp} (Unix seconds) is sent — of
 * {@code "{timestamp}.{body}"}, the timestamp as sent and checked against the tolerance. {@code X-Delivery-Id} is
 * optional; without it there is no replay protection.
 */
public final class HmacSha256Verifier implements WebhookVerifier {

    static final String SIGNATURE = "X-Signature";
    static final String TIMESTAMP = "X-Signature-Timestamp";
    static final String DELIVERY = "X-Delivery-Id";

    @Override
    public Optional<String> verify(SignedRequest request, List<byte[]> keys) {
        byte[] sent = Signatures.sha256Hex(SIGNATURE, request.required(SIGNATURE));
        Optional<String> delivery = request.deliveryId(DELIVERY, false);
        Optional<String> timestamp = request.header(TIMESTAMP);
        timestamp.ifPresent(t -> Signatures.timestamp(request, TIMESTAMP, t));
        byte[] prefix = timestamp.map(t -> (t + ".").getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
        if (!Signatures.anyMatches(keys, List.of(sent), prefix, request.body())) {
            throw Signatures.mismatch(keys);
        }
        return delivery;
    }
}
