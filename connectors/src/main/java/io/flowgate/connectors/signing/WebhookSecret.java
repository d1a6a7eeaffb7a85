package io.flowgate.connectors.signing;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A Standard Webhooks secret: {@code whsec_} followed by the base64 of a 24 to 64 byte key (the sizes the
 * specification recommends: shorter keys are too easy to guess, longer ones buy nothing). Read the same way for the
 * sandbox provider's callbacks and the gateway's webhook subscriptions; each caller words its own message from
 * {@link Invalid#reason()}.
 */
public final class WebhookSecret {

    public static final String PREFIX = "whsec_";
    public static final int MIN_KEY_BYTES = 24;
    public static final int MAX_KEY_BYTES = 64;
    private static final int GENERATED_KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What is wrong with a secret. */
    public enum Reason { NO_PREFIX, NOT_BASE64, KEY_SIZE }

    /** A secret that is not one; never carries the secret itself. */
    public static final class Invalid extends IllegalArgumentException {

        private final Reason reason;
        private final int keyBytes;

        Invalid(Reason reason, int keyBytes) {
            super("not a Standard Webhooks secret: " + reason);
            this.reason = reason;
            this.keyBytes = keyBytes;
        }

        public Reason reason() {
            return reason;
        }

        /** The decoded key's length, for {@link Reason#KEY_SIZE}. */
        public int keyBytes() {
            return keyBytes;
        }
    }

    private WebhookSecret() {
    }

    /** The HMAC key of a secret. @throws Invalid when it is not {@code whsec_} + base64 of 24 to 64 bytes */
    public static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            throw new Invalid(Reason.NO_PREFIX, 0);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new Invalid(Reason.NOT_BASE64, 0);
        }
        if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
            throw new Invalid(Reason.KEY_SIZE, key.length);
        }
        return key;
    }

    /** A new secret with a 32-byte random key. */
    public static String generate() {
        byte[] key = new byte[GENERATED_KEY_BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }
}
