package io.flowgate.engine.config;

import io.flowgate.engine.FlowInstance;
import io.flowgate.engine.InstanceState;
import io.flowgate.engine.StartRequest;
import io.flowgate.engine.TestEngines;
import io.flowgate.engine.WorkflowEngine;
import io.micronaut.context.ApplicationContext;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowEngineFactoryTest {

    @Test
    void buildsTheEngineFromTheApplicationsDataSourceAndSettings() {
        JdbcConnectionPool pool = TestEngines.memoryPool(4);
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of("flowgate.engine.name", "micronaut-" + TestEngines.uniqueKey(),
                        "flowgate.engine.job-executor-enabled", "false", "flowgate.engine.command-threads", "2"))
                .singletons(pool).start()) {
            EngineSettings settings = context.getBean(EngineSettings.class);
            assertThat(settings.jobExecutorEnabled()).isFalse();
            assertThat(settings.commandThreads()).isEqualTo(2);
            assertThat(settings.history()).isEqualTo("audit");
            assertThat(context.getBean(DataSource.class)).isSameAs(pool);

            WorkflowEngine engine = context.getBean(WorkflowEngine.class);
            engine.deploy("straight.bpmn", TestEngines.fixture("StartFlowTest.straight.bpmn"));
            FlowInstance instance = engine.start(new StartRequest("straight", null, Map.of("name", "Mia"), null,
                    null), Duration.ofSeconds(10));

            assertThat(instance.state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(instance.variables()).containsEntry("greeting", "Hello Mia");
        } finally {
            pool.dispose();
        }
    }
}
