package io.flowgate.gateway.webhooks;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSettingsTest {

    @Test
    void defaultsAreValid() {
        assertThatCode(() -> new WebhookSettings().validate()).doesNotThrowAnyException();
    }

    @Test
    void refusesAReplayWindowShorterThanTwiceTheTolerance() {
        WebhookSettings settings = new WebhookSettings();
        settings.setReplayWindow(Duration.ofMinutes(9));

        assertThatThrownBy(settings::validate).hasMessage("flowgate.webhooks.replay-window (PT9M) must be at least"
                + " twice the tolerance (PT5M)");
    }

    @Test
    void refusesAToleranceOverAnHour() {
        WebhookSettings settings = new WebhookSettings();
        settings.setTolerance(Duration.ofHours(2));

        assertThatThrownBy(settings::validate).hasMessageStartingWith("flowgate.webhooks.tolerance"
                + " (FLOWGATE_WEBHOOK_TOLERANCE) must be between");
    }
}
