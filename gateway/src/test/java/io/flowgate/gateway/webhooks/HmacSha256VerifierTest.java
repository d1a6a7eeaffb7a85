package io.flowgate.gateway.webhooks;

import io.flowgate.gateway.webhooks.WebhookRejected.Reason;
import io.flowgate.gateway.webhooks.internal.HmacSha256Verifier;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.flowgate.gateway.webhooks.Deliveries.NOW;
import static io.flowgate.gateway.webhooks.Deliveries.hexHmac;
import static io.flowgate.gateway.webhooks.Deliveries.request;
import static io.flowgate.gateway.webhooks.Deliveries.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Flowgate's plain scheme: X-Signature: sha256=hex over the body, or over "timestamp.body" when one is sent. */
class HmacSha256VerifierTest {

    private static final String SECRET = "a shared secret";
    private static final String BODY = "{\"orderId\":\"A-1\"}";

    private final HmacSha256Verifier verifier = new HmacSha256Verifier();

    @Test
    void acceptsASignatureOverTheBodyAndHasNoDeliveryIdWithoutTheHeader() {
        Map<String, String> headers = Map.of("X-Signature", "sha256=" + hexHmac(SECRET, BODY));

        assertThat(verifier.verify(request(headers, BODY), List.of(utf8(SECRET)))).isEmpty();
    }

    @Test
    void returnsTheDeliveryIdWhenSent() {
        Map<String, String> headers = Map.of("X-Signature", "sha256=" + hexHmac(SECRET, BODY),
                "X-Delivery-Id", "d-1");

        assertThat(verifier.verify(request(headers, BODY), List.of(utf8(SECRET)))).contains("d-1");
    }

    @Test
    void signsTheTimestampTooWhenOneIsSent() {
        String ts = Long.toString(NOW.getEpochSecond());
        Map<String, String> headers = Map.of("X-Signature", "sha256=" + hexHmac(SECRET, ts + "." + BODY),
                "X-Signature-Timestamp", ts);

        assertThat(verifier.verify(request(headers, BODY), List.of(utf8(SECRET)))).isEmpty();
    }

    @Test
    void aTimestampAddedToABodyOnlySignatureDoesNotMatch() {
        Map<String, String> headers = Map.of("X-Signature", "sha256=" + hexHmac(SECRET, BODY),
                "X-Signature-Timestamp", Long.toString(NOW.getEpochSecond()));

        assertThat(catchThrowableOfType(WebhookRejected.class,
                () -> verifier.verify(request(headers, BODY), List.of(utf8(SECRET)))).reason())
                .isEqualTo(Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void refusesStaleAndFutureTimestamps() {
        for (long offset : new long[]{-301, 301}) {
            String ts = Long.toString(NOW.getEpochSecond() + offset);
            Map<String, String> headers = Map.of("X-Signature", "sha256=" + hexHmac(SECRET, ts + "." + BODY),
                    "X-Signature-Timestamp", ts);

            assertThat(catchThrowableOfType(WebhookRejected.class,
                    () -> verifier.verify(request(headers, BODY), List.of(utf8(SECRET)))).reason())
                    .isEqualTo(offset < 0 ? Reason.STALE_TIMESTAMP : Reason.FUTURE_TIMESTAMP);
        }
    }

    @Test
    void refusesAMissingOrMalformedSignature() {
        assertThat(catchThrowableOfType(WebhookRejected.class,
                () -> verifier.verify(request(Map.of(), BODY), List.of(utf8(SECRET)))).reason())
                .isEqualTo(Reason.MISSING_HEADER);
        assertThat(catchThrowableOfType(WebhookRejected.class, () -> verifier.verify(
                request(Map.of("X-Signature", hexHmac(SECRET, BODY)), BODY), List.of(utf8(SECRET)))).reason())
                .isEqualTo(Reason.MALFORMED_HEADER);
    }

    @Test
    void refusesADeliveryIdThatIsNotPrintableOrTooLong() {
        Map<String, String> headers = Map.of("X-Signature", "sha256=" + hexHmac(SECRET, BODY),
                "X-Delivery-Id", "x".repeat(256));

        assertThat(catchThrowableOfType(WebhookRejected.class,
                () -> verifier.verify(request(headers, BODY), List.of(utf8(SECRET)))).reason())
                .isEqualTo(Reason.MALFORMED_HEADER);
    }
}
