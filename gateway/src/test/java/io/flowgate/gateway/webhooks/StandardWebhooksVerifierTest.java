package io.flowgate.gateway.webhooks;

import io.flowgate.gateway.webhooks.WebhookRejected.Reason;
import io.flowgate.gateway.webhooks.internal.StandardWebhooksVerifier;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.flowgate.gateway.webhooks.Deliveries.NOW;
import static io.flowgate.gateway.webhooks.Deliveries.base64Hmac;
import static io.flowgate.gateway.webhooks.Deliveries.request;
import static io.flowgate.gateway.webhooks.Deliveries.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** webhook-id / webhook-timestamp / webhook-signature as the Standard Webhooks specification and library define. */
class StandardWebhooksVerifierTest {

    private static final byte[] KEY = utf8("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(KEY);
    private static final byte[] OLD_KEY = utf8("an older key, still valid for a day");
    private static final String ID = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
    private static final String BODY = "{\"type\":\"payment.confirmed\","
            + "\"data\":{\"orderId\":\"A-17\",\"note\":\"crème\"}}";

    private final StandardWebhooksVerifier verifier = new StandardWebhooksVerifier();

    private static Map<String, String> headers(String id, Instant timestamp, String signature) {
        return Map.of("webhook-id", id, "webhook-timestamp", Long.toString(timestamp.getEpochSecond()),
                "webhook-signature", signature);
    }

    private static String sign(byte[] key, String id, Instant timestamp, String body) {
        return "v1," + base64Hmac(key, id + "." + timestamp.getEpochSecond() + "." + body);
    }

    @Test
    void acceptsASignatureMadeByTheOfficialLibrary() {
        String signature = StandardWebhooksLibrary.sign(SECRET, ID, NOW, BODY);

        assertThat(signature).startsWith("v1,");
        assertThat(verifier.verify(request(headers(ID, NOW, signature), BODY), List.of(KEY))).contains(ID);
    }

    @Test
    void refusesTheLibrarysSignatureForAnotherBodyOrId() {
        String signature = StandardWebhooksLibrary.sign(SECRET, ID, NOW, BODY);

        assertThat(catchThrowableOfType(WebhookRejected.class, () -> verifier.verify(
                request(headers(ID, NOW, signature), BODY.replace("A-17", "A-18")), List.of(KEY))).reason())
                .isEqualTo(Reason.SIGNATURE_MISMATCH);
        assertThat(catchThrowableOfType(WebhookRejected.class, () -> verifier.verify(
                request(headers(ID + "x", NOW, signature), BODY), List.of(KEY))).reason())
                .isEqualTo(Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void refusesTheBodyWithOneBitFlipped() {
        byte[] tampered = Deliveries.flipOneBit(BODY.getBytes(StandardCharsets.UTF_8), 10);

        WebhookRejected rejected = catchThrowableOfType(WebhookRejected.class, () -> verifier.verify(
                request(headers(ID, NOW, sign(KEY, ID, NOW, BODY)), tampered), List.of(KEY)));

        assertThat(rejected.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void refusesATimestampOlderThanTheTolerance() {
        Instant stale = NOW.minusSeconds(301);

        WebhookRejected rejected = catchThrowableOfType(WebhookRejected.class, () -> verifier.verify(
                request(headers(ID, stale, sign(KEY, ID, stale, BODY)), BODY), List.of(KEY)));

        assertThat(rejected.reason()).isEqualTo(Reason.STALE_TIMESTAMP);
        assertThat(rejected.getMessage()).isEqualTo("the webhook-timestamp is 5m1s old; at most 5m is accepted");
    }

    @Test
    void refusesATimestampFurtherAheadThanTheTolerance() {
        Instant future = NOW.plusSeconds(301);

        WebhookRejected rejected = catchThrowableOfType(WebhookRejected.class, () -> verifier.verify(
                request(headers(ID, future, sign(KEY, ID, future, BODY)), BODY), List.of(KEY)));

        assertThat(rejected.reason()).isEqualTo(Reason.FUTURE_TIMESTAMP);
    }

    @Test
    void acceptsTimestampsAtTheEdgesOfTheTolerance() {
        for (Instant edge : List.of(NOW.minusSeconds(300), NOW.plusSeconds(300))) {
            assertThat(verifier.verify(request(headers(ID, edge, sign(KEY, ID, edge, BODY)), BODY), List.of(KEY)))
                    .contains(ID);
        }
    }

    @Test
    void acceptsAnyOfSeveralSignaturesAndAnyConfiguredKeyWhileRotating() {
        String both = sign(OLD_KEY, ID, NOW, BODY) + " " + sign(KEY, ID, NOW, BODY);

        assertThat(verifier.verify(request(headers(ID, NOW, both), BODY), List.of(KEY))).contains(ID);
        assertThat(verifier.verify(request(headers(ID, NOW, sign(OLD_KEY, ID, NOW, BODY)), BODY),
                List.of(KEY, OLD_KEY))).contains(ID);
        assertThat(catchThrowableOfType(WebhookRejected.class, () -> verifier.verify(
                request(headers(ID, NOW, sign(OLD_KEY, ID, NOW, BODY)), BODY), List.of(KEY))).reason())
                .isEqualTo(Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void skipsSignaturesOfOtherVersions() {
        String asymmetric = "v1a," + Base64.getEncoder().encodeToString(new byte[64]);

        assertThat(verifier.verify(request(headers(ID, NOW, asymmetric + " " + sign(KEY, ID, NOW, BODY)), BODY),
                List.of(KEY))).contains(ID);
        assertThat(catchThrowableOfType(WebhookRejected.class, () -> verifier.verify(
                request(headers(ID, NOW, asymmetric), BODY), List.of(KEY))).reason())
                .isEqualTo(Reason.MALFORMED_HEADER);
    }

    @Test
    void refusesEachMissingHeader() {
        Map<String, String> all = headers(ID, NOW, sign(KEY, ID, NOW, BODY));
        for (String header : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
            Map<String, String> without = new HashMap<>(all);
            without.remove(header);

            WebhookRejected rejected = catchThrowableOfType(WebhookRejected.class,
                    () -> verifier.verify(request(without, BODY), List.of(KEY)));

            assertThat(rejected.reason()).as(header).isEqualTo(Reason.MISSING_HEADER);
            assertThat(rejected.getMessage()).isEqualTo("the " + header + " header is missing");
        }
    }

    @Test
    void refusesATimestampThatIsNotUnixSeconds() {
        Map<String, String> headers = Map.of("webhook-id", ID, "webhook-timestamp", "2026-11-23T10:00:00Z",
                "webhook-signature", sign(KEY, ID, NOW, BODY));

        assertThat(catchThrowableOfType(WebhookRejected.class,
                () -> verifier.verify(request(headers, BODY), List.of(KEY))).reason())
                .isEqualTo(Reason.MALFORMED_HEADER);
    }

    @Test
    void refusesTwoSignatureHeaders() {
        Map<String, List<String>> headers = Map.of("webhook-id", List.of(ID),
                "webhook-timestamp", List.of(Long.toString(NOW.getEpochSecond())),
                "webhook-signature", List.of(sign(KEY, ID, NOW, BODY), sign(KEY, ID, NOW, BODY)));

        assertThat(catchThrowableOfType(WebhookRejected.class, () -> verifier.verify(
                new SignedRequest(headers, utf8(BODY), NOW, Deliveries.TOLERANCE), List.of(KEY))).reason())
                .isEqualTo(Reason.MALFORMED_HEADER);
    }
}
