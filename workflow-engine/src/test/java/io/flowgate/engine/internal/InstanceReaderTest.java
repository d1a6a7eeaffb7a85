package io.flowgate.engine.internal;

import io.flowgate.engine.FlowInstance;
import io.flowgate.engine.InstanceState;
import io.flowgate.engine.StartRequest;
import io.flowgate.engine.TestEngines;
import io.flowgate.engine.config.CamundaEngineBuilder;
import io.flowgate.engine.config.EngineSettings;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a running instance takes several queries, and a job may end the instance between any two of them. The
 * reader must then answer how the instance ended, never a mix of before and after (the state WAITING with the
 * variables the end deleted, which a synchronous caller would map into a broken answer — the 502 of a PAID order).
 * The race is forced: the job runs exactly between two of the reader's queries.
 */
class InstanceReaderTest {

    private static JdbcConnectionPool pool;
    private static CamundaEngineBuilder.EmbeddedEngine embedded;
    private static ProcessEngine camunda;

    @BeforeAll
    static void engineWithoutJobExecutor() {
        pool = TestEngines.memoryPool(4);
        embedded = TestEngines.build(pool, EngineSettings.defaults().withName("reader-" + TestEngines.uniqueKey())
                .withJobExecutorEnabled(false));
        embedded.workflowEngine().deploy("async.bpmn", TestEngines.fixture("StartFlowTest.async.bpmn"));
        camunda = ((CamundaWorkflowEngine) embedded.workflowEngine()).processEngine();
    }

    @AfterAll
    static void close() {
        embedded.close();
        pool.dispose();
    }

    @ParameterizedTest
    @ValueSource(strings = {"getActivityInstance", "createVariableInstanceQuery"})
    void anInstanceThatEndsWhileItIsReadIsReadAsEnded(String endsBefore) {
        String id = embedded.workflowEngine().startCommitted(new StartRequest("async", null, Map.of("value", 7), null,
                null), Duration.ofSeconds(30)).id();
        assertThat(embedded.workflowEngine().instance(id)).get().extracting(FlowInstance::state)
                .isEqualTo(InstanceState.RUNNING);

        InstanceReader reader = new InstanceReader(endingDuring(endsBefore, id), new VariableCodec(),
                new StartTickets(Duration.ofMinutes(1)));

        assertThat(reader.read(id)).get().satisfies(instance -> {
            assertThat(instance.state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(instance.variables()).containsEntry("value", 7).containsEntry("echoed", 7);
        });
    }

    /** The engine, except that its runtime service runs the instance's job just before the first call of {@code method}. */
    private static ProcessEngine endingDuring(String method, String instanceId) {
        RuntimeService real = camunda.getRuntimeService();
        AtomicBoolean armed = new AtomicBoolean(true);
        RuntimeService racing = (RuntimeService) Proxy.newProxyInstance(RuntimeService.class.getClassLoader(),
                new Class<?>[]{RuntimeService.class}, (proxy, called, args) -> {
                    if (called.getName().equals(method) && armed.compareAndSet(true, false)) {
                        String job = camunda.getManagementService().createJobQuery().processInstanceId(instanceId)
                                .singleResult().getId();
                        camunda.getManagementService().executeJob(job);
                    }
                    try {
                        return called.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (ProcessEngine) Proxy.newProxyInstance(ProcessEngine.class.getClassLoader(),
                new Class<?>[]{ProcessEngine.class}, (proxy, called, args) -> {
                    if (called.getName().equals("getRuntimeService")) {
                        return racing;
                    }
                    try {
                        return called.invoke(camunda, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
