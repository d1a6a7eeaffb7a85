package io.flowgate.gateway.webhooks;

import io.flowgate.gateway.webhooks.WebhookRejected.Reason;
import io.flowgate.gateway.webhooks.internal.GithubVerifier;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.flowgate.gateway.webhooks.Deliveries.flipOneBit;
import static io.flowgate.gateway.webhooks.Deliveries.hexHmac;
import static io.flowgate.gateway.webhooks.Deliveries.request;
import static io.flowgate.gateway.webhooks.Deliveries.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** X-Hub-Signature-256 over the raw body, as GitHub documents it. */
class GithubVerifierTest {

    /** GitHub's documented example ("Validating webhook deliveries"). */
    private static final String SECRET = "It's a Secret to Everybody";
    private static final String BODY = "Hello, World!";
    private static final String SIGNATURE = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
    private static final String DELIVERY = "72d3162e-cc78-11e3-81ab-4c9367dc0958";

    private final GithubVerifier verifier = new GithubVerifier();

    private static Map<String, String> headers(String signature) {
        return Map.of("X-Hub-Signature-256", signature, "X-GitHub-Delivery", DELIVERY);
    }

    @Test
    void acceptsGithubsDocumentedExampleAndReturnsTheDeliveryId() {
        assertThat(verifier.verify(request(headers(SIGNATURE), BODY), List.of(utf8(SECRET)))).contains(DELIVERY);
    }

    @Test
    void headerNamesAndHexDigitsAreCaseInsensitive() {
        Map<String, String> headers = Map.of("x-hub-signature-256", SIGNATURE.toUpperCase().replace("SHA256=",
                "sha256="), "x-github-delivery", DELIVERY);

        assertThat(verifier.verify(request(headers, BODY), List.of(utf8(SECRET)))).contains(DELIVERY);
    }

    @Test
    void refusesTheBodyWithOneBitFlipped() {
        byte[] tampered = flipOneBit(utf8(BODY), 4);

        WebhookRejected rejected = catchThrowableOfType(WebhookRejected.class,
                () -> verifier.verify(request(headers(SIGNATURE), tampered), List.of(utf8(SECRET))));

        assertThat(rejected.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
        assertThat(rejected.getMessage()).isEqualTo("the signature does not match the body with the configured"
                + " secret").doesNotContain("757107");
    }

    @Test
    void refusesASignatureWithOneDigitChanged() {
        String changed = SIGNATURE.substring(0, SIGNATURE.length() - 1) + "f";

        assertThat(catchThrowableOfType(WebhookRejected.class,
                () -> verifier.verify(request(headers(changed), BODY), List.of(utf8(SECRET)))).reason())
                .isEqualTo(Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void acceptsEitherSecretWhileRotating() {
        String signedWithNew = "sha256=" + hexHmac("the new secret", BODY);
        List<byte[]> keys = List.of(utf8(SECRET), utf8("the new secret"));

        assertThat(verifier.verify(request(headers(SIGNATURE), BODY), keys)).contains(DELIVERY);
        assertThat(verifier.verify(request(headers(signedWithNew), BODY), keys)).contains(DELIVERY);
        assertThat(catchThrowableOfType(WebhookRejected.class,
                () -> verifier.verify(request(headers(signedWithNew), BODY), List.of(utf8(SECRET)))).reason())
                .isEqualTo(Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void refusesMissingHeaders() {
        WebhookRejected noSignature = catchThrowableOfType(WebhookRejected.class, () -> verifier.verify(
                request(Map.of("X-GitHub-Delivery", DELIVERY), BODY), List.of(utf8(SECRET))));
        WebhookRejected noDelivery = catchThrowableOfType(WebhookRejected.class, () -> verifier.verify(
                request(Map.of("X-Hub-Signature-256", SIGNATURE), BODY), List.of(utf8(SECRET))));

        assertThat(noSignature.reason()).isEqualTo(Reason.MISSING_HEADER);
        assertThat(noSignature.getMessage()).isEqualTo("the X-Hub-Signature-256 header is missing");
        assertThat(noDelivery.reason()).isEqualTo(Reason.MISSING_HEADER);
        assertThat(noDelivery.getMessage()).isEqualTo("the X-GitHub-Delivery header is missing");
    }

    @Test
    void refusesTheOldSha1HeaderFormat() {
        WebhookRejected rejected = catchThrowableOfType(WebhookRejected.class, () -> verifier.verify(
                request(headers("sha1=0123456789abcdef0123456789abcdef01234567"), BODY), List.of(utf8(SECRET))));

        assertThat(rejected.reason()).isEqualTo(Reason.MALFORMED_HEADER);
    }
}
