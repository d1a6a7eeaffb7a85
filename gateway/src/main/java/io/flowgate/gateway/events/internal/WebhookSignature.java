package io.flowgate.gateway.events.internal;

import io.flowgate.connectors.signing.StandardWebhooksSigner;
import io.flowgate.connectors.signing.WebhookSecret;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Standard Webhooks signing (standardwebhooks.com): the secret is {@code whsec_} + base64 of 24 to 64 random bytes; a
 * delivery carries {@code webhook-id}, {@code webhook-timestamp} (epoch seconds) and {@code webhook-signature}
 * {@code v1,<base64 HMAC-SHA256(secret bytes, id + "." + timestamp + "." + body)>}.
 */
public final class WebhookSignature {

    public static final String SECRET_PREFIX = WebhookSecret.PREFIX;

    private WebhookSignature() {
    }

    public static String newSecret() {
        return WebhookSecret.generate();
    }

    /** Why a secret given by a client is not acceptable, or empty. */
    public static Optional<String> problem(String secret) {
        try {
            WebhookSecret.key(secret);
            return Optional.empty();
        } catch (WebhookSecret.Invalid invalid) {
            return Optional.of(switch (invalid.reason()) {
                case NO_PREFIX -> "secret must start with whsec_ followed by base64 (leave it out to get one generated)";
                case NOT_BASE64 -> "the part of the secret after whsec_ is not base64";
                case KEY_SIZE -> "the secret must hold 24 to 64 bytes (base64 after whsec_), it holds "
                        + invalid.keyBytes();
            });
        }
    }

    /** The {@code webhook-signature} header value. */
    public static String sign(String secret, String id, long timestamp, String body) {
        return new StandardWebhooksSigner(WebhookSecret.key(secret)).sign(id, timestamp,
                body.getBytes(StandardCharsets.UTF_8));
    }
}
