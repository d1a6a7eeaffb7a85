package io.flowgate.engine;

import io.flowgate.engine.config.CamundaEngineBuilder;
import io.flowgate.engine.config.EngineSettings;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EngineRestartTest {

    @Test
    void keepsDeployedFlowsAndRunningInstancesAcrossARestart(@TempDir Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("flowgate") + ";DB_CLOSE_ON_EXIT=FALSE";
        EngineSettings settings = EngineSettings.defaults().withName("restart-" + TestEngines.uniqueKey());
        String instanceId;

        JdbcConnectionPool firstPool = TestEngines.pool(url, 4);
        try (CamundaEngineBuilder.EmbeddedEngine first = TestEngines.build(firstPool, settings)) {
            first.workflowEngine().deploy("approval.bpmn", TestEngines.fixture("StartFlowTest.approval.bpmn"));
            instanceId = first.workflowEngine().start(new StartRequest("approval", "r-1", Map.of("n", 1), null,
                    null), Duration.ofSeconds(10)).id();
        } finally {
            firstPool.dispose();
        }

        JdbcConnectionPool secondPool = TestEngines.pool(url, 4);
        try (CamundaEngineBuilder.EmbeddedEngine second = TestEngines.build(secondPool, settings)) {
            WorkflowEngine engine = second.workflowEngine();
            assertThat(engine.flows()).extracting(FlowSummary::key).contains("approval");
            assertThat(engine.instance(instanceId)).get().satisfies(instance -> {
                assertThat(instance.state()).isEqualTo(InstanceState.WAITING);
                assertThat(instance.variables()).containsEntry("n", 1);
            });
            assertThat(engine.completeTask(new CompleteTaskRequest("approval", "approve", "r-1", Map.of(), null),
                    Duration.ofSeconds(10)).state()).isEqualTo(InstanceState.COMPLETED);
        } finally {
            secondPool.dispose();
        }
    }
}
