package io.flowgate.gateway;

import io.flowgate.engine.WorkflowEngine;
import io.flowgate.engine.config.EngineSettings;
import io.flowgate.engine.internal.CamundaWorkflowEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Out of the box the engine's history is cleaned up every night; FLOWGATE_HISTORY_CLEANUP_WINDOW=off stops it. */
class HistoryCleanupIT {

    @Test
    void embeddedDefaultsCleanUpHistoryEveryNightBetweenMidnightAndSix() {
        try (GatewayServer gateway = GatewayServer.start()) {
            assertThat(gateway.context().getBean(EngineSettings.class).historyCleanupWindow())
                    .isEqualTo("00:00-06:00");
            assertThat(cleanupJobs(gateway)).singleElement().satisfies(job -> {
                LocalDateTime due = LocalDateTime.ofInstant(job.getDuedate().toInstant(), ZoneId.systemDefault());
                // at midnight next, or now when the window is open
                assertThat(due.toLocalTime().equals(LocalTime.MIDNIGHT) || due.getHour() < 6).isTrue();
            });
        }
    }

    @Test
    void aWindowSetToOffSchedulesNoCleanup() {
        try (GatewayServer gateway = GatewayServer.start(Map.of("flowgate.engine.history-cleanup-window", "off"))) {
            assertThat(cleanupJobs(gateway)).isEmpty();
        }
    }

    private static List<Job> cleanupJobs(GatewayServer gateway) {
        WorkflowEngine engine = gateway.context().getBean(WorkflowEngine.class);
        return ((CamundaWorkflowEngine) engine).processEngine().getHistoryService().findHistoryCleanupJobs();
    }
}
