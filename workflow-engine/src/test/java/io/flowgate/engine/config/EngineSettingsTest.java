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
        assertThat(settings.historyCleanupWindow()).isEqualTo("off");
        assertThat(settings.historyCleanupTimes()).isEmpty();
        assertThat(settings.timerFloor()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void takesAZeroTimerFloorAsNoFloorAndRefusesANegativeOne() {
        assertThat(EngineSettings.defaults().withTimerFloor(Duration.ZERO).timerFloor()).isZero();
        assertThatThrownBy(() -> EngineSettings.defaults().withTimerFloor(Duration.ofSeconds(-1)))
                .hasMessageContaining("flowgate.engine.timer-floor (FLOWGATE_TIMER_FLOOR) must not be negative");
    }

    @Test
    void readsAHistoryCleanupWindowAsItsStartAndEnd() {
        assertThat(EngineSettings.defaults().withHistoryCleanupWindow("22:30-04:00").historyCleanupTimes())
                .hasValueSatisfying(times -> assertThat(times).containsExactly("22:30", "04:00"));
        assertThat(EngineSettings.defaults().withHistoryCleanupWindow("OFF").historyCleanupTimes()).isEmpty();
    }

    @Test
    void refusesAHistoryCleanupWindowThatIsNotTwoDifferentTimes() {
        for (String window : new String[] {"01:00", "1:00-2:00", "01:00-25:00", "02:00-02:00", "never"}) {
            assertThatThrownBy(() -> EngineSettings.defaults().withHistoryCleanupWindow(window))
                    .hasMessageContaining("flowgate.engine.history-cleanup-window")
                    .hasMessageContaining("was " + window.toLowerCase());
        }
    }

    @Test
    void refusesAHistoryLevelTooLowToReadEndedInstances() {
        assertThatThrownBy(() -> new EngineSettings(null, "none", null, null, null, null, null, null, null, null, null,
                null, null)).hasMessageContaining("flowgate.engine.history must be audit or full");
    }

    @Test
    void refusesNonPositivePoolSizesAndBadPeriods() {
        assertThatThrownBy(() -> new EngineSettings(null, null, null, 0, null, null, null, null, null, null, null, null,
                null))
                .hasMessageContaining("job-executor-core-pool-size must be positive");
        assertThatThrownBy(() -> new EngineSettings(null, null, null, 4, 2, null, null, null, null, null, null, null, null))
                .hasMessageContaining("max-pool-size must be at least");
        assertThatThrownBy(() -> new EngineSettings(null, null, null, null, null, null, null, null, "30 days", null, null,
                null, null)).hasMessageContaining("history-time-to-live must be an ISO-8601 period");
    }
}
