package io.flowgate.gateway.events.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(10), 2.0, Duration.ofMinutes(5));

    @Test
    void growsByTheFactorFromTheBase() {
        assertThat(backoff.after(1, null, 0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.after(2, null, 0)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.after(4, null, 0)).isEqualTo(Duration.ofSeconds(80));
    }

    @Test
    void neverWaitsLongerThanTheMaximumJitterIncluded() {
        assertThat(backoff.after(6, null, 0)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.after(60, null, 0.99)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void addsUpToTenPercentJitter() {
        assertThat(backoff.after(2, null, 0.5)).isEqualTo(Duration.ofSeconds(21));
        assertThat(backoff.after(2, null, 0.999).toMillis()).isLessThan(22_000);
    }

    @Test
    void waitsAtLeastWhatTheSubscriberAskedForWithinTheMaximum() {
        assertThat(backoff.after(1, Duration.ofSeconds(42), 0)).isEqualTo(Duration.ofSeconds(42));
        assertThat(backoff.after(1, Duration.ofSeconds(1), 0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.after(1, Duration.ofDays(1), 0)).isEqualTo(Duration.ofMinutes(5));
    }
}
