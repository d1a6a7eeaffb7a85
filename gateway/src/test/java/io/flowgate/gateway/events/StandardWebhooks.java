package io.flowgate.gateway.events;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * What a subscriber does with a delivery, written from the Standard Webhooks specification and independent of the
 * gateway's signer: recompute {@code v1,<base64 HMAC-SHA256(key, id.timestamp.body)>} with the key after
 * {@code whsec_}, compare in constant time, and refuse timestamps outside a tolerance (replays).
 */
final class StandardWebhooks {

    private StandardWebhooks() {
    }

    static boolean verify(String secret, String id, String timestamp, String body, String signatureHeader,
                          long nowSeconds, long toleranceSeconds) throws Exception {
        if (Math.abs(nowSeconds - Long.parseLong(timestamp)) > toleranceSeconds) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        // the header may carry several space-separated signatures (key rotation); any v1 match is enough
        for (String signature : signatureHeader.split(" ")) {
            if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
                    Base64.getDecoder().decode(signature.substring(3)))) {
                return true;
            }
        }
        return false;
    }
}
