package io.flowgate.gateway.triggers;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TriggerSettingsTest {

    @Test
    void defaultsAreValid() {
        TriggerSettings settings = new TriggerSettings().validate();

        assertThat(settings.getAttempts()).isEqualTo(3);
        assertThat(settings.deadLetterTopic("stock.external")).isEqualTo("stock.external.dlt");
        assertThat(settings.autoOffsetReset()).isEqualTo("earliest");
    }

    @Test
    void doublesTheBackoffAfterEachTry() {
        TriggerSettings settings = new TriggerSettings();
        settings.setRetryBackoff(Duration.ofMillis(100));

        assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(settings.backoffAfter(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(settings.backoffAfter(3)).isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void refusesValuesOutOfRangeNamingTheSetting() {
        TriggerSettings attempts = new TriggerSettings();
        attempts.setAttempts(0);
        TriggerSettings suffix = new TriggerSettings();
        suffix.setDeadLetterSuffix("/dlt");
        TriggerSettings backoff = new TriggerSettings();
        backoff.setRetryBackoff(Duration.ofMinutes(5));

        assertThatThrownBy(attempts::validate).hasMessageContaining("FLOWGATE_TRIGGERS_ATTEMPTS");
        assertThatThrownBy(suffix::validate).hasMessageContaining("FLOWGATE_TRIGGERS_DEAD_LETTER_SUFFIX");
        assertThatThrownBy(backoff::validate).hasMessageContaining("FLOWGATE_TRIGGERS_RETRY_BACKOFF");
    }
}
