package io.flowgate.engine;

import io.flowgate.engine.internal.CamundaWorkflowEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


class StartFlowTest {

    private static final Duration BUDGET = Duration.ofSeconds(10);
    private static CamundaWorkflowEngine engine;

    @BeforeAll
    static void deployFixtures() {
        engine = TestEngines.shared();
        for (String fixture : List.of("straight", "approval", "async", "slow", "failing", "failing-late")) {
            engine.deploy("StartFlowTest." + fixture + ".bpmn", TestEngines.fixture("StartFlowTest." + fixture + ".bpmn"));
        }
        engine.deploy("StartFlowTest.latest-check.bpmn", new String(TestEngines.fixture("StartFlowTest.straight.bpmn"),
                StandardCharsets.UTF_8).replace("id=\"straight\"", "id=\"latest-check\"").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void completesAStraightThroughFlowWithItsVariables() {
        FlowInstance instance = engine.start(new StartRequest("straight", "order-1", Map.of("name", "Ada"), null,
                null), BUDGET);

        assertThat(instance.state()).isEqualTo(InstanceState.COMPLETED);
        assertThat(instance.variables()).containsEntry("greeting", "Hello Ada")
                .containsEntry("tags", List.of("a", "Ada")).containsEntry("name", "Ada");
        assertThat(instance.businessKey()).isEqualTo("order-1");
        assertThat(instance.flowKey()).isEqualTo("straight");
        assertThat(instance.flowVersion()).isPositive();
        assertThat(instance.activities()).isEmpty();
        assertThat(instance.endedAt()).isNotNull();
    }

    @Test
    void answersAnInstanceThatEndedInItsStartAsTheDatabaseHasIt() {
        FlowInstance answered = engine.start(new StartRequest("straight", "order-2", Map.of("name", "Grace"), null,
                null), BUDGET);

        FlowInstance stored = engine.instance(answered.id()).orElseThrow();

        assertThat(answered.state()).isEqualTo(stored.state());
        assertThat(answered.variables()).isEqualTo(stored.variables());
        assertThat(answered.businessKey()).isEqualTo(stored.businessKey());
        assertThat(answered.flowVersion()).isEqualTo(stored.flowVersion());
        assertThat(answered.error()).isEqualTo(stored.error());
    }

    @Test
    void startsAVersionDeployedHereAtOnce() {
        int before = engine.start(new StartRequest("latest-check", null, Map.of("name", "a"), null, null), BUDGET)
                .flowVersion();
        String changed = new String(TestEngines.fixture("StartFlowTest.straight.bpmn"), StandardCharsets.UTF_8)
                .replace("id=\"straight\"", "id=\"latest-check\"")
                .replace("name=\"Straight through\"", "name=\"Straight through, v" + (before + 1) + "\"");
        engine.deploy("StartFlowTest.latest-check.bpmn", changed.getBytes(StandardCharsets.UTF_8));

        FlowInstance next = engine.start(new StartRequest("latest-check", null, Map.of("name", "b"), null, null), BUDGET);

        assertThat(next.flowVersion()).isEqualTo(before + 1);
    }

    @Test
    void waitsAtAUserTask() {
        FlowInstance instance = engine.start(new StartRequest("approval", "a-1", Map.of(), null, null), BUDGET);

        assertThat(instance.state()).isEqualTo(InstanceState.WAITING);
        assertThat(instance.activities()).containsExactly(new ActivityView("approve", "Approve order", "userTask"));
        assertThat(instance.startedAt()).isNotNull();
        assertThat(instance.endedAt()).isNull();
    }

    @Test
    void waitsForAnAsynchronousContinuationWithinTheBudget() {
        FlowInstance instance = engine.start(new StartRequest("async", null, Map.of("value", 42), null, null),
                BUDGET);

        assertThat(instance.state()).isEqualTo(InstanceState.COMPLETED);
        assertThat(instance.variables()).containsEntry("echoed", 42);
    }

    @Test
    void answersWithTheIdWhenTheSynchronousSegmentOutlastsTheBudget() {
        long before = System.nanoTime();
        FlowInstance instance = engine.start(new StartRequest("slow", null, Map.of("millis", 1500), null, null),
                Duration.ofMillis(200));
        long tookMillis = (System.nanoTime() - before) / 1_000_000;

        assertThat(instance.state()).isIn(InstanceState.STARTING, InstanceState.RUNNING);
        assertThat(instance.id()).isNotBlank();
        assertThat(tookMillis).isLessThan(1000);
        assertThat(engine.instance(instance.id())).get().extracting(FlowInstance::state)
                .isEqualTo(InstanceState.STARTING);
        Eventually.within(Duration.ofSeconds(10), () -> assertThat(engine.instance(instance.id()))
                .get().extracting(FlowInstance::state).isEqualTo(InstanceState.COMPLETED));
    }

    @Test
    void returnsAsSoonAsTheIdIsKnownWithAZeroBudget() {
        long before = System.nanoTime();
        FlowInstance instance = engine.start(new StartRequest("slow", null, Map.of("millis", 800), null, null),
                Duration.ZERO);

        assertThat((System.nanoTime() - before) / 1_000_000).isLessThan(500);
        assertThat(instance.state()).isEqualTo(InstanceState.STARTING);
        assertThat(instance.flowKey()).isEqualTo("slow");
        Eventually.within(Duration.ofSeconds(10), () -> assertThat(engine.instance(instance.id()))
                .get().extracting(FlowInstance::state).isEqualTo(InstanceState.COMPLETED));
    }

    @Test
    void aCommittedStartAnswersOnceTheInstanceIsInTheDatabaseWithoutWaitingForItToSettle() {
        String businessKey = TestEngines.uniqueKey();

        FlowInstance instance = engine.startCommitted(new StartRequest("async", businessKey, Map.of("value", 3),
                null, null), BUDGET);

        // committed: another transaction already finds it, in its state now (its job may even have run)
        assertThat(instance.state()).isIn(InstanceState.RUNNING, InstanceState.COMPLETED);
        assertThat(engine.processEngine().getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(instance.id()).count()).isEqualTo(1);
        assertThat(instance.variables()).isEmpty();
        Eventually.within(Duration.ofSeconds(10), () -> assertThat(engine.instance(instance.id()))
                .get().extracting(FlowInstance::state).isEqualTo(InstanceState.COMPLETED));
    }

    @Test
    void aCommittedStartThatOutlastsItsWaitAnswersStarting() {
        FlowInstance instance = engine.startCommitted(new StartRequest("slow", null, Map.of("millis", 1500), null,
                null), Duration.ofMillis(200));

        assertThat(instance.state()).isEqualTo(InstanceState.STARTING);
        Eventually.within(Duration.ofSeconds(10), () -> assertThat(engine.instance(instance.id()))
                .get().extracting(FlowInstance::state).isEqualTo(InstanceState.COMPLETED));
    }

    @Test
    void aCommittedStartThatFailsInItsFirstTransactionThrowsInsteadOfAnsweringWithAnId() {
        String businessKey = TestEngines.uniqueKey();

        assertThatThrownBy(() -> engine.startCommitted(new StartRequest("failing", businessKey, Map.of(), null,
                null), BUDGET)).isInstanceOfSatisfying(FlowFailed.class,
                        failed -> assertThat(failed.getMessage()).contains("the backend is down"));
        assertThat(engine.instances(new InstanceQuery("failing", null, businessKey, null, 0, 10)).total())
                .isZero();
    }

    @Test
    void failsATechnicalErrorInTheSynchronousSegmentWithoutLeavingAnInstance() {
        String businessKey = TestEngines.uniqueKey();

        assertThatThrownBy(() -> engine.start(new StartRequest("failing", businessKey, Map.of(), null, null),
                BUDGET)).isInstanceOfSatisfying(FlowFailed.class, failed -> {
                    assertThat(failed.activityId()).isEqualTo("callBackend");
                    assertThat(failed.instanceId()).isNull();
                    assertThat(failed.getMessage()).contains("the backend is down");
                });
        assertThat(engine.instances(new InstanceQuery("failing", null, businessKey, null, 0, 10)).total())
                .isZero();
    }

    @Test
    void readsInstancesThatEndWhileTheyAreBeingRead() {
        // the job executor finishes these while we read them: a read must never fail half-way
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(engine.start(new StartRequest("async", null, Map.of("value", i), null, null), Duration.ZERO).id());
        }
        Eventually.within(Duration.ofSeconds(30), () -> assertThat(ids).allSatisfy(id ->
                assertThat(engine.instance(id)).get().extracting(FlowInstance::state)
                        .isEqualTo(InstanceState.COMPLETED)));
    }

    @Test
    void reportsAStartThatFailedAfterTheCallerGotTheIdAsFailed() {
        // the connector fails 300 ms in, well after a zero budget has handed the caller the id
        FlowInstance instance = engine.start(new StartRequest("failing-late", null, Map.of(), null, null),
                Duration.ZERO);

        Eventually.within(Duration.ofSeconds(10), () -> assertThat(engine.instance(instance.id()))
                .get().satisfies(failed -> {
                    assertThat(failed.state()).isEqualTo(InstanceState.FAILED);
                    assertThat(failed.error()).get().extracting(FlowError::activityId).isEqualTo("callBackend");
                }));
    }

    @Test
    void failsWithAClearMessageWhenARequiredConnectorInputIsMissing() {
        assertThatThrownBy(() -> engine.start(new StartRequest("needsInput", null, Map.of(), null, null), BUDGET))
                .isInstanceOf(FlowFailed.class).hasMessageContaining("needs the input 'sku'");
    }

    @Test
    void refusesToStartAnUnknownFlow() {
        assertThatThrownBy(() -> engine.start(new StartRequest("no-such-flow", null, Map.of(), null, null), BUDGET))
                .isInstanceOf(FlowNotFound.class);
    }

    @Test
    void refusesVariablesThatAreNotJsonLike() {
        assertThatThrownBy(() -> engine.start(new StartRequest("approval", null, Map.of("when", new Object()),
                null, null), BUDGET)).isInstanceOf(InvalidVariables.class);
    }

    @Test
    void givesTheInstanceTheTenantOfTheStartAndRecordsTheInitiator() {
        FlowInstance instance = engine.start(new StartRequest("approval", "t-1", Map.of(), "acme", "alice"),
                BUDGET);

        assertThat(instance.tenantId()).isEqualTo("acme");
        assertThat(engine.processEngine().getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(instance.id()).singleResult().getStartUserId()).isEqualTo("alice");
        assertThat(engine.instances(new InstanceQuery("approval", null, "t-1", "acme", 0, 10)).items())
                .extracting(FlowInstance::id).contains(instance.id());
        assertThat(engine.instances(new InstanceQuery("approval", null, "t-1", "other", 0, 10)).items())
                .isEmpty();
    }
}
