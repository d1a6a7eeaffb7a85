package io.flowgate.connectors.signing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Standard Webhooks signatures (standardwebhooks.com): {@code webhook-signature} is
 * {@code v1,<base64(HMAC-SHA256(key, "{webhook-id}.{webhook-timestamp}.{body}"))>}, where the key is the
 * base64-decoded part of a {@code whsec_…} secret. Signs the sandbox provider's callbacks and the gateway's event
 * deliveries to subscribers.
 */
public final class StandardWebhooksSigner {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION = "v1,";

    private final SecretKeySpec key;

    /** @param key the raw HMAC key (the decoded part after {@code whsec_}) */
    public StandardWebhooksSigner(byte[] key) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("a webhook signing key must not be empty");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** The value of the {@code webhook-signature} header. */
    public String sign(String id, long timestamp, byte[] body) {
        return VERSION + Base64.getEncoder().encodeToString(mac(id, timestamp, body));
    }

    /**
     * Whether any of the space-separated signatures of a {@code webhook-signature} header is a valid {@code v1} one
     * for this message. Compared in constant time, so a forger learns nothing from how long a refusal takes.
     */
    public boolean verify(String id, long timestamp, byte[] body, String signatureHeader) {
        if (signatureHeader == null) {
            return false;
        }
        byte[] expected = mac(id, timestamp, body);
        boolean valid = false;
        for (String candidate : signatureHeader.trim().split(" +")) {
            if (!candidate.startsWith(VERSION)) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(candidate.substring(VERSION.length()));
            } catch (IllegalArgumentException notBase64) {
                continue;
            }
            // no early exit: every candidate is compared
            valid |= MessageDigest.isEqual(expected, given);
        }
        return valid;
    }

    private byte[] mac(String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
