package io.flowgate.gateway.events;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventsSettingsTest {

    @Test
    void theDefaultsAreValid() {
        EventsSettings events = new EventsSettings().validate();
        WebhookSettings webhooks = new WebhookSettings().validate();

        assertThat(events.topicOf("order")).isEqualTo("flowgate.order");
        assertThat(webhooks.perSubscriptionConcurrency()).isEqualTo(8);
    }

    @Test
    void refusesALeaseThatCouldExpireBetweenTwoRenewals() {
        EventsSettings settings = new EventsSettings();
        settings.setPollInterval(Duration.ofSeconds(10));
        settings.setLeaseTtl(Duration.ofSeconds(15));

        assertThatThrownBy(settings::validate).hasMessageContaining("FLOWGATE_EVENTS_LEASE_TTL")
                .hasMessageContaining("twice the poll interval");
    }

    @Test
    void keepsEventsAWeekByDefaultForEverOnZeroAndRefusesLessThanAnHour() {
        assertThat(new EventsSettings().validate().getRetention()).isEqualTo(Duration.ofDays(7));
        EventsSettings forEver = new EventsSettings();
        forEver.setRetention(Duration.ZERO);
        assertThat(forEver.validate().getRetention()).isZero();
        EventsSettings tooShort = new EventsSettings();
        tooShort.setRetention(Duration.ofMinutes(30));

        assertThatThrownBy(tooShort::validate).hasMessageContaining("FLOWGATE_EVENTS_RETENTION")
                .hasMessageContaining("PT30M");
    }

    @Test
    void refusesATopicPrefixKafkaWouldRefuse() {
        EventsSettings settings = new EventsSettings();
        settings.setTopicPrefix("flow gate/");

        assertThatThrownBy(settings::validate).hasMessageContaining("FLOWGATE_EVENTS_TOPIC_PREFIX");
    }

    @Test
    void namesTheEnvironmentVariableOfAWrongWebhookSetting() {
        WebhookSettings attempts = new WebhookSettings();
        attempts.setMaxAttempts(0);
        WebhookSettings backoff = new WebhookSettings();
        backoff.setBackoffMax(Duration.ofMillis(1));
        WebhookSettings factor = new WebhookSettings();
        factor.setBackoffFactor(0.5);

        assertThatThrownBy(attempts::validate).hasMessageContaining("FLOWGATE_EVENTS_WEBHOOKS_MAX_ATTEMPTS");
        assertThatThrownBy(backoff::validate).hasMessageContaining("FLOWGATE_EVENTS_WEBHOOKS_BACKOFF_MAX");
        assertThatThrownBy(factor::validate).hasMessageContaining("FLOWGATE_EVENTS_WEBHOOKS_BACKOFF_FACTOR");
    }
}
