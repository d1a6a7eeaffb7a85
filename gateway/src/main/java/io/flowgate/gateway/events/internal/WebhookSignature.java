package io.flowgate.gateway.events.internal;

import io.flowgate.connectors.signing.StandardWebhooksSigner;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Standard Webhooks signing (standardwebhooks.com): the secret is {@code whsec_} + base64 of 24 to 64 random bytes; a
 * delivery carries {@code webhook-id}, {@code webhook-timestamp} (epoch seconds) and {@code webhook-signature}
 * {@code v1,<base64 HMAC-SHA256(secret bytes, id + "." + timestamp + "." + body)>}.
 */
public final class WebhookSignature {

    public static final String SECRET_PREFIX = "whsec_";
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    public static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** Why a secret given by a client is not acceptable, or empty. */
    public static Optional<String> problem(String secret) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            return Optional.of("secret must start with whsec_ followed by base64 (leave it out to get one generated)");
        }
        byte[] key;
        try {
            key = key(secret);
        } catch (IllegalArgumentException e) {
            return Optional.of("the part of the secret after whsec_ is not base64");
        }
        if (key.length < 24 || key.length > 64) {
            return Optional.of("the secret must hold 24 to 64 bytes (base64 after whsec_), it holds " + key.length);
        }
        return Optional.empty();
    }

    /** The {@code webhook-signature} header value. */
    public static String sign(String secret, String id, long timestamp, String body) {
        return new StandardWebhooksSigner(key(secret)).sign(id, timestamp, body.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    }
}
