package io.flowgate.connectors.payments;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Base64;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentSettingsTest {

    /** The example secret of the Standard Webhooks specification: a 24-byte key. */
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void defaultsToTheSandboxWithTwoAndFiveSecondTimeouts() {
        PaymentSettings settings = new PaymentSettings();

        assertThatCode(settings::validate).doesNotThrowAnyException();
        assertThat(settings.getProvider()).isEqualTo("sandbox");
        assertThat(settings.getConnectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.getReadTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.sandboxTimeoutDelay()).isGreaterThan(settings.getReadTimeout());
    }

    @Test
    void settlesPendingPaymentsAfterTwoSecondsAndCallsBackNowhereByDefault() {
        PaymentSettings settings = new PaymentSettings();

        assertThat(settings.getSandboxSettleDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.hasSandboxWebhookUrl()).isFalse();
    }

    @Test
    void acceptsAWebhookUrlWithAStandardWebhooksSecret() {
        PaymentSettings settings = new PaymentSettings();
        settings.setSandboxWebhookUrl("http://127.0.0.1:8080/hooks/payments");
        settings.setSandboxWebhookSecret(SECRET);

        assertThatCode(settings::validate).doesNotThrowAnyException();
        assertThat(settings.sandboxWebhookKey()).hasSize(24);
    }

    @Test
    void needsASecretForAWebhookUrl() {
        PaymentSettings settings = new PaymentSettings();
        settings.setSandboxWebhookUrl("http://127.0.0.1:8080/hooks/payments");

        assertThatThrownBy(settings::validate).hasMessageContaining("FLOWGATE_PAYMENTS_SANDBOX_WEBHOOK_SECRET");
    }

    @Test
    void refusesAWebhookUrlThatIsNotHttp() {
        PaymentSettings settings = new PaymentSettings();
        settings.setSandboxWebhookUrl("ftp://127.0.0.1/hooks");
        settings.setSandboxWebhookSecret(SECRET);

        assertThatThrownBy(settings::validate).hasMessageContaining("FLOWGATE_PAYMENTS_SANDBOX_WEBHOOK_URL")
                .hasMessageContaining("http(s)");
    }

    static Stream<Arguments> badSecrets() {
        return Stream.of(
                Arguments.of("no whsec_ prefix", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "does not start with whsec_"),
                Arguments.of("not base64", "whsec_not*base64!", "not base64"),
                Arguments.of("key shorter than 24 bytes", "whsec_c2hvcnQ=", "the key has 5 bytes"),
                Arguments.of("key longer than 64 bytes",
                        "whsec_" + Base64.getEncoder().encodeToString(new byte[65]), "the key has 65 bytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSecrets")
    void refusesASecretThatIsNotAStandardWebhooksSecretWithoutShowingIt(String name, String secret, String why) {
        PaymentSettings settings = new PaymentSettings();
        settings.setSandboxWebhookUrl("http://127.0.0.1:8080/hooks/payments");
        settings.setSandboxWebhookSecret(secret);

        assertThatThrownBy(settings::validate)
                .hasMessageContaining("FLOWGATE_PAYMENTS_SANDBOX_WEBHOOK_SECRET")
                .hasMessageContaining(why)
                .message().doesNotContain(secret);
    }

    @Test
    void refusesANegativeSettleDelay() {
        PaymentSettings settings = new PaymentSettings();
        settings.setSandboxSettleDelay(Duration.ofSeconds(-1));

        assertThatThrownBy(settings::validate).hasMessageContaining("FLOWGATE_PAYMENTS_SANDBOX_SETTLE_DELAY");
    }

    @Test
    void refusesAnUnknownProvider() {
        PaymentSettings settings = new PaymentSettings();
        settings.setProvider("stripe");

        assertThatThrownBy(settings::validate).hasMessageContaining("FLOWGATE_PAYMENTS_PROVIDER");
    }

    @Test
    void needsAUrlForAnHttpProvider() {
        PaymentSettings settings = new PaymentSettings();
        settings.setProvider("HTTP");

        assertThatThrownBy(settings::validate).hasMessageContaining("FLOWGATE_PAYMENTS_URL");
        settings.setUrl("https://psp.example/v1");
        assertThatCode(settings::validate).doesNotThrowAnyException();
    }

    @Test
    void refusesAUrlThatIsNotHttp() {
        PaymentSettings settings = new PaymentSettings();
        settings.setUrl("file:///etc/passwd");

        assertThatThrownBy(settings::validate).hasMessageContaining("http(s)");
    }

    @Test
    void refusesASlowDelayThatIsNotWithinTheReadTimeout() {
        PaymentSettings settings = new PaymentSettings();
        settings.setReadTimeout(Duration.ofSeconds(1));
        settings.setSandboxSlowDelay(Duration.ofSeconds(1));

        assertThatThrownBy(settings::validate).hasMessageContaining("sandbox-slow-delay");
    }

    @Test
    void refusesAPortOutOfRangeAndTimeoutsOutOfBounds() {
        PaymentSettings port = new PaymentSettings();
        port.setSandboxPort(70000);
        PaymentSettings timeout = new PaymentSettings();
        timeout.setReadTimeout(Duration.ZERO);

        assertThatThrownBy(port::validate).hasMessageContaining("FLOWGATE_PAYMENTS_SANDBOX_PORT");
        assertThatThrownBy(timeout::validate).hasMessageContaining("FLOWGATE_PAYMENTS_READ_TIMEOUT");
    }
}
