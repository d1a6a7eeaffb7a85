package io.flowgate.gateway.webhooks.internal;

import io.flowgate.gateway.webhooks.SignedRequest;
import io.flowgate.gateway.webhooks.WebhookRejected;
import io.flowgate.gateway.webhooks.WebhookRejected.Reason;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** HMAC-SHA256, constant-time matching against several keys, hex signatures and signed timestamps. */
final class Signatures {

    private static final Pattern SECONDS = Pattern.compile("\\d{1,12}");
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private Signatures() {
    }

    static byte[] hmacSha256(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    /**
     * Whether any sent signature is the HMAC of {@code parts} under any key. Every pair is compared in constant time
     * ({@link MessageDigest#isEqual}), and the loop does not stop early, so timing tells nothing about which came
     * close.
     */
    static boolean anyMatches(List<byte[]> keys, List<byte[]> sent, byte[]... parts) {
        boolean matched = false;
        for (byte[] key : keys) {
            byte[] expected = hmacSha256(key, parts);
            for (byte[] signature : sent) {
                matched |= MessageDigest.isEqual(expected, signature);
            }
        }
        return matched;
    }

    /** {@code sha256=<64 hex digits>} → the signature bytes. */
    static byte[] sha256Hex(String header, String value) {
        String hex = value.startsWith("sha256=") ? value.substring("sha256=".length()) : "";
        if (!HEX_SHA256.matcher(hex).matches()) {
            throw new WebhookRejected(Reason.MALFORMED_HEADER, "the " + header
                    + " header must be sha256= followed by 64 hex digits");
        }
        return HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
    }

    /** Unix seconds within the request's tolerance of its arrival; the number as parsed. */
    static long timestamp(SignedRequest request, String header, String value) {
        if (!SECONDS.matcher(value).matches()) {
            throw new WebhookRejected(Reason.MALFORMED_HEADER, "the " + header
                    + " header must be the time in whole seconds since 1970 (Unix time)");
        }
        long seconds = Long.parseLong(value);
        long now = request.receivedAt().getEpochSecond();
        long tolerance = request.tolerance().toSeconds();
        if (seconds < now - tolerance) {
            throw new WebhookRejected(Reason.STALE_TIMESTAMP, "the " + header + " is " + describe(now - seconds)
                    + " old; at most " + describe(tolerance) + " is accepted");
        }
        if (seconds > now + tolerance) {
            throw new WebhookRejected(Reason.FUTURE_TIMESTAMP, "the " + header + " lies " + describe(seconds - now)
                    + " in the future; at most " + describe(tolerance) + " is accepted");
        }
        return seconds;
    }

    static WebhookRejected mismatch(List<byte[]> keys) {
        return new WebhookRejected(Reason.SIGNATURE_MISMATCH, "the signature does not match the body with "
                + (keys.size() == 1 ? "the configured secret" : "any of the " + keys.size() + " configured secrets"));
    }

    private static String describe(long seconds) {
        return Duration.ofSeconds(seconds).toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
