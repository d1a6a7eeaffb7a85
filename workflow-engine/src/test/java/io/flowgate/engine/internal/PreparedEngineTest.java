package io.flowgate.engine.internal;

import io.flowgate.engine.Eventually;
import io.flowgate.engine.InstanceState;
import io.flowgate.engine.StartRequest;
import io.flowgate.engine.TestConnectors;
import io.flowgate.engine.TestEngines;
import io.flowgate.engine.config.CamundaEngineBuilder;
import io.flowgate.engine.config.EngineSettings;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreparedEngineTest {

    @Test
    void aJobLeftByTheLastRunWaitsUntilTheEngineIsStartedWithItsConnectors(@TempDir Path dir) throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("flowgate") + ";DB_CLOSE_ON_EXIT=FALSE";
        EngineSettings settings = EngineSettings.defaults().withName("prepared-" + TestEngines.uniqueKey());
        String instanceId;
        JdbcConnectionPool firstPool = TestEngines.pool(url, 4);
        try (CamundaEngineBuilder.EmbeddedEngine first = TestEngines.build(firstPool,
                settings.withJobExecutorEnabled(false))) {
            first.workflowEngine().deploy("async.bpmn", TestEngines.fixture("StartFlowTest.async.bpmn"));
            instanceId = first.workflowEngine().start(new StartRequest("async", null, Map.of("value", 7), null, null),
                    Duration.ZERO).id();
        } finally {
            firstPool.dispose();
        }

        JdbcConnectionPool pool = TestEngines.pool(url, 4);
        PreparedEngine prepared = PreparedEngine.prepare(pool, settings);
        try {
            assertThat(prepared.jobExecutorActive()).isFalse();
            assertThat(jobs(pool)).isEqualTo(1);

            try (CamundaWorkflowEngine engine = prepared.start(TestConnectors.registry())) {
                assertThat(prepared.jobExecutorActive()).isTrue();
                Eventually.within(Duration.ofSeconds(20), () -> assertThat(engine.instance(instanceId)).get()
                        .satisfies(instance -> {
                            assertThat(instance.state()).isEqualTo(InstanceState.COMPLETED);
                            assertThat(instance.variables()).containsEntry("echoed", 7);
                        }));
            }
        } finally {
            pool.dispose();
        }
    }

    @Test
    void startsOnlyOnce() {
        JdbcConnectionPool pool = TestEngines.memoryPool(4);
        PreparedEngine prepared = PreparedEngine.prepare(pool, EngineSettings.defaults()
                .withName("prepared-" + TestEngines.uniqueKey()));
        try (CamundaWorkflowEngine ignored = prepared.start(TestConnectors.registry())) {
            assertThatThrownBy(() -> prepared.start(TestConnectors.registry()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("started already");
        } finally {
            pool.dispose();
        }
    }

    private static long jobs(JdbcConnectionPool pool) throws SQLException {
        try (Connection connection = pool.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM ACT_RU_JOB")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
