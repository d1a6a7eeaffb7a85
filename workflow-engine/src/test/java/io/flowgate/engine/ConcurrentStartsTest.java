package io.flowgate.engine;

import io.flowgate.engine.config.CamundaEngineBuilder;
import io.flowgate.engine.config.EngineSettings;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Hundreds of callers on a pool of four connections must all complete: the id generator must not deadlock. */
class ConcurrentStartsTest {

    private static final int STARTS = 200;

    @Test
    void completesTwoHundredConcurrentStartsOnASmallConnectionPool() throws Exception {
        JdbcConnectionPool pool = TestEngines.memoryPool(4);
        EngineSettings settings = EngineSettings.defaults().withName("concurrent-" + TestEngines.uniqueKey())
                .withCommandThreads(3);
        ExecutorService callers = Executors.newFixedThreadPool(50);
        try (CamundaEngineBuilder.EmbeddedEngine embedded = TestEngines.build(pool, settings)) {
            WorkflowEngine engine = embedded.workflowEngine();
            engine.deploy("straight.bpmn", TestEngines.fixture("StartFlowTest.straight.bpmn"));
            engine.deploy("async.bpmn", TestEngines.fixture("StartFlowTest.async.bpmn"));
            List<Future<FlowInstance>> results = new ArrayList<>();
            for (int i = 0; i < STARTS; i++) {
                String flow = i % 2 == 0 ? "straight" : "async";
                Map<String, Object> variables = Map.of("name", "n" + i, "value", i);
                results.add(callers.submit(() -> engine.start(new StartRequest(flow, "c-" + flow, variables, null,
                        null), Duration.ofSeconds(60))));
            }
            for (Future<FlowInstance> result : results) {
                assertThat(result.get(90, TimeUnit.SECONDS).state()).isEqualTo(InstanceState.COMPLETED);
            }
            assertThat(engine.instances(new InstanceQuery(null, InstanceState.COMPLETED, null, null, 0, 1)).total())
                    .isEqualTo(STARTS);
        } finally {
            callers.shutdownNow();
            pool.dispose();
        }
    }
}
