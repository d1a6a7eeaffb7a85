package io.flowgate.gateway.webhooks.internal;

import io.flowgate.gateway.webhooks.SignedRequest;
import io.flowgate.gateway.webhooks.WebhookVerifier;

import java.util.List;
import java.util.Optional;

/**
 * GitHub: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>}, delivery id in
 * {@code X-GitHub-Delivery}. GitHub signs no timestamp, so the delivery id is the only protection against replays.
 */
public final class GithubVerifier implements WebhookVerifier {

    static final String SIGNATURE = "X-Hub-Signature-256";
    static final String DELIVERY = "X-GitHub-Delivery";

    @Override
    public Optional<String> verify(SignedRequest request, List<byte[]> keys) {
        byte[] sent = Signatures.sha256Hex(SIGNATURE, request.required(SIGNATURE));
        Optional<String> delivery = request.deliveryId(DELIVERY, true);
        if (!Signatures.anyMatches(keys, List.of(sent), request.body())) {
            throw Signatures.mismatch(keys);
        }
        return delivery;
    }
}
