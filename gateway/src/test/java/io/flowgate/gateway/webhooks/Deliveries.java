package io.flowgate.gateway.webhooks;

import io.flowgate.gateway.GatewayServer;
import io.flowgate.gateway.GatewayServer.Reply;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Test deliveries: headers as senders set them, signatures computed independently of the verifiers. */
final class Deliveries {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private Deliveries() {
    }

    static SignedRequest request(Map<String, String> headers, String body) {
        return request(headers, body.getBytes(StandardCharsets.UTF_8));
    }

    static SignedRequest request(Map<String, String> headers, byte[] body) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        headers.forEach((name, value) -> all.put(name, List.of(value)));
        return new SignedRequest(all, body, NOW, TOLERANCE);
    }

    /** POSTs {@code body} to {@code path} through {@code sender} as GitHub sends a delivery. */
    static Reply github(GatewayServer sender, String path, String body, String delivery, String signature) {
        return sender.send(HttpRequest.newBuilder(sender.uri(path))
                .header("Content-Type", "application/json")
                .header("X-GitHub-Event", "push")
                .header("X-GitHub-Delivery", delivery)
                .header("X-Hub-Signature-256", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** POSTs {@code body} to {@code path} through {@code sender} with the Standard Webhooks headers. */
    static Reply standard(GatewayServer sender, String path, String body, String id, Instant timestamp,
                          String signature) {
        return sender.send(HttpRequest.newBuilder(sender.uri(path))
                .header("Content-Type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp.getEpochSecond()))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String hexHmac(String secret, String content) {
        return HexFormat.of().formatHex(hmac(utf8(secret), utf8(content)));
    }

    static String base64Hmac(byte[] key, String content) {
        return Base64.getEncoder().encodeToString(hmac(key, utf8(content)));
    }

    static byte[] flipOneBit(byte[] bytes, int index) {
        byte[] copy = bytes.clone();
        copy[index] ^= 0x01;
        return copy;
    }

    private static byte[] hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
