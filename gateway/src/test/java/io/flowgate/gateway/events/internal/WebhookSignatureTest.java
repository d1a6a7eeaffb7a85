package io.flowgate.gateway.events.internal;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    @Test
    void signsLikeTheStandardWebhooksReference() {
        // the example of the Standard Webhooks specification and its reference libraries
        String signature = WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}");

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void generatesDistinctSecretsOf32RandomBytes() {
        String one = WebhookSignature.newSecret();
        String two = WebhookSignature.newSecret();

        assertThat(one).startsWith("whsec_").isNotEqualTo(two);
        assertThat(Base64.getDecoder().decode(one.substring(6))).hasSize(32);
        assertThat(WebhookSignature.problem(one)).isEmpty();
    }

    @Test
    void refusesSecretsWithoutThePrefixNotBase64OrOfTheWrongSize() {
        assertThat(WebhookSignature.problem("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).get().asString().contains("whsec_");
        assertThat(WebhookSignature.problem("whsec_not base64!")).get().asString().contains("not base64");
        assertThat(WebhookSignature.problem("whsec_" + Base64.getEncoder().encodeToString(new byte[8])))
                .get().asString().contains("24 to 64 bytes");
        assertThat(WebhookSignature.problem("whsec_" + Base64.getEncoder().encodeToString(new byte[65])))
                .get().asString().contains("holds 65");
    }
}
