package io.flowgate.gateway.webhooks.internal;

import io.flowgate.gateway.webhooks.SignedRequest;
import io.flowgate.gateway.webhooks.WebhookRejected;
import io.flowgate.gateway.webhooks.WebhookRejected.Reason;
import io.flowgate.gateway.webhooks.WebhookVerifier;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Standard Webhooks (standardwebhooks.com, v1 symmetric): {@code webhook-signature} holds space-separated
 * {@code v1,<base64 HMAC-SHA256>} entries over {@code "{webhook-id}.{webhook-timestamp}.{body}"}; several entries
 * let a sender sign with an old and a new secret while rotating. Other versions ({@code v1a}, asymmetric) are skipped.
 */
public final class StandardWebhooksVerifier implements WebhookVerifier {

    static final String ID = "webhook-id";
    static final String TIMESTAMP = "webhook-timestamp";
    static final String SIGNATURE = "webhook-signature";

    @Override
    public Optional<String> verify(SignedRequest request, List<byte[]> keys) {
        String id = request.deliveryId(ID, true).orElseThrow();
        String timestamp = request.required(TIMESTAMP);
        List<byte[]> sent = signatures(request.required(SIGNATURE));
        long seconds = Signatures.timestamp(request, TIMESTAMP, timestamp);
        // the signed text carries the number as the official libraries print it
        byte[] prefix = (id + "." + seconds + ".").getBytes(StandardCharsets.UTF_8);
        if (!Signatures.anyMatches(keys, sent, prefix, request.body())) {
            throw Signatures.mismatch(keys);
        }
        return Optional.of(id);
    }

    private static List<byte[]> signatures(String header) {
        List<byte[]> v1 = new ArrayList<>();
        for (String entry : header.split(" ")) {
            if (entry.startsWith("v1,")) {
                try {
                    v1.add(Base64.getDecoder().decode(entry.substring(3)));
                } catch (IllegalArgumentException e) {
                    // not base64: cannot match; the others may
                }
            }
        }
        if (v1.isEmpty()) {
            throw new WebhookRejected(Reason.MALFORMED_HEADER, "the " + SIGNATURE
                    + " header has no v1,<base64> signature");
        }
        return v1;
    }
}
