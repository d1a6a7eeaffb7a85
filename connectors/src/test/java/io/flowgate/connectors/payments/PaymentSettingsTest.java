package io.flowgate.connectors.payments;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentSettingsTest {

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
