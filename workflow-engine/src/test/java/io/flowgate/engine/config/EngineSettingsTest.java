package io.flowgate.engine.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineSettingsTest {

    @Test
    void fillsEveryDefault() {
        EngineSettings settings = EngineSettings.defaults();

        assertThat(settings.history()).isEqualTo("audit");
        assertThat(settings.jobExecutorEnabled()).isTrue();
        assertThat(settings.historyTimeToLive()).isEqualTo("P30D");
        assertThat(settings.databaseSchemaUpdate()).isEqualTo("true");
        assertThat(settings.commandThreads()).isEqualTo(EngineSettings.DEFAULT_COMMAND_THREADS);
        assertThat(settings.failedStartRetention()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void refusesAHistoryLevelTooLowToReadEndedInstances() {
        assertThatThrownBy(() -> new EngineSettings(null, "none", null, null, null, null, null, null, null, null,
                null)).hasMessageContaining("flowgate.engine.history must be audit or full");
    }

    @Test
    void refusesNonPositivePoolSizesAndBadPeriods() {
        assertThatThrownBy(() -> new EngineSettings(null, null, null, 0, null, null, null, null, null, null, null))
                .hasMessageContaining("job-executor-core-pool-size must be positive");
        assertThatThrownBy(() -> new EngineSettings(null, null, null, 4, 2, null, null, null, null, null, null))
                .hasMessageContaining("max-pool-size must be at least");
        assertThatThrownBy(() -> new EngineSettings(null, null, null, null, null, null, null, null, "30 days", null,
                null)).hasMessageContaining("history-time-to-live must be an ISO-8601 period");
    }
}
