package io.flowgate.engine;

import io.flowgate.engine.config.CamundaEngineBuilder;
import io.flowgate.engine.config.EngineSettings;
import io.flowgate.engine.internal.CamundaWorkflowEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * History is cleaned up by end time (Camunda's {@code endTimeBased} strategy): ending an instance writes no removal
 * time into its history rows, and the cleanup still removes the history of instances ended longer than their
 * flow's time to live ago, and nothing else.
 */
class HistoryCleanupTest {

    // no job executor: the test runs the cleanup job itself
    private final CamundaEngineBuilder.EmbeddedEngine embedded = TestEngines.build(TestEngines.memoryPool(4),
            EngineSettings.defaults().withName("cleanup-" + UUID.randomUUID()).withJobExecutorEnabled(false));
    private final CamundaWorkflowEngine engine = (CamundaWorkflowEngine) embedded.workflowEngine();

    @AfterEach
    void close() {
        embedded.close();
    }

    @Test
    void removesTheHistoryOfInstancesEndedLongerAgoThanTheirTimeToLive() {
        deploy("short-lived", "P0D");
        deploy("kept", "P30D");
        FlowInstance expired = start("short-lived");
        FlowInstance kept = start("kept");
        ProcessEngine camunda = engine.processEngine();
        assertThat(camunda.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(expired.id()).singleResult().getRemovalTime()).isNull();

        Job cleanup = camunda.getHistoryService().cleanUpHistoryAsync(true);
        camunda.getManagementService().executeJob(cleanup.getId());

        assertThat(camunda.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(expired.id()).count()).isZero();
        assertThat(camunda.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(expired.id()).count()).isZero();
        assertThat(camunda.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(kept.id()).count()).isEqualTo(1);
    }

    @Test
    void aCleanupWindowSchedulesTheCleanupJobAtItsStartAndNoWindowSchedulesNone() {
        assertThat(engine.processEngine().getHistoryService().findHistoryCleanupJobs()).isEmpty();

        // a window that starts later (Camunda schedules the job at once when the window is open)
        LocalTime start = LocalTime.now().plusHours(2).withSecond(0).withNano(0);
        String window = start + "-" + start.plusHours(1);
        try (CamundaEngineBuilder.EmbeddedEngine windowed = TestEngines.build(TestEngines.memoryPool(4),
                EngineSettings.defaults().withName("cleanup-" + UUID.randomUUID()).withJobExecutorEnabled(false)
                        .withHistoryCleanupWindow(window))) {
            ProcessEngine camunda = ((CamundaWorkflowEngine) windowed.workflowEngine()).processEngine();

            assertThat(camunda.getHistoryService().findHistoryCleanupJobs()).singleElement().satisfies(job -> {
                LocalDateTime due = LocalDateTime.ofInstant(job.getDuedate().toInstant(), ZoneId.systemDefault());
                assertThat(due.toLocalTime()).isEqualTo(start);
                assertThat(due).isAfter(LocalDateTime.now()).isBefore(LocalDateTime.now().plusDays(1));
            });
        }
    }

    private void deploy(String key, String timeToLive) {
        String xml = new String(TestEngines.fixture("StartFlowTest.straight.bpmn"), StandardCharsets.UTF_8)
                .replace("id=\"straight\"", "id=\"" + key + "\" camunda:historyTimeToLive=\"" + timeToLive + "\"");
        engine.deploy(key + ".bpmn", xml.getBytes(StandardCharsets.UTF_8));
    }

    private FlowInstance start(String key) {
        FlowInstance instance = engine.start(new StartRequest(key, null, Map.of("name", "Ada"), null, null),
                Duration.ofSeconds(10));
        assertThat(instance.state()).isEqualTo(InstanceState.COMPLETED);
        return instance;
    }
}
