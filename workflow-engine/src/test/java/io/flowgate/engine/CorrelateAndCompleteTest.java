package io.flowgate.engine;

import io.flowgate.engine.internal.CamundaWorkflowEngine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CorrelateAndCompleteTest {

    private static final Duration BUDGET = Duration.ofSeconds(10);
    private final CamundaWorkflowEngine engine = TestEngines.withFixture("CorrelateAndCompleteTest.payment.bpmn");

    @Test
    void deliversAMessageToTheOneWaitingInstance() {
        String order = TestEngines.uniqueKey();
        FlowInstance started = start(order);
        assertThat(started.state()).isEqualTo(InstanceState.WAITING);
        assertThat(started.activities()).extracting(ActivityView::id).containsExactly("waitForPayment");

        FlowInstance correlated = engine.correlate(new CorrelateRequest("payment", "paymentReceived", order,
                Map.of("amount", 12.5), null), BUDGET);

        assertThat(correlated.id()).isEqualTo(started.id());
        assertThat(correlated.state()).isEqualTo(InstanceState.WAITING);
        assertThat(correlated.activities()).extracting(ActivityView::id).containsExactly("ship");
        assertThat(correlated.variables()).containsEntry("amount", 12.5);
    }

    @Test
    void answersACommittedCorrelationBeforeTheInstanceSettles() {
        String order = TestEngines.uniqueKey();
        FlowInstance started = start(order);

        FlowInstance committed = engine.correlateCommitted(new CorrelateRequest("payment", "paymentReceived", order,
                Map.of("amount", 3), null), BUDGET);

        assertThat(committed.id()).isEqualTo(started.id());
        assertThat(engine.instance(started.id()).orElseThrow().activities()).extracting(ActivityView::id)
                .as("committed before the answer").containsExactly("ship");
        assertThatThrownBy(() -> engine.correlateCommitted(new CorrelateRequest("payment", "paymentReceived", order,
                Map.of(), null), BUDGET)).as("nobody waits any more").isInstanceOf(NoMatchingInstance.class);
    }

    @Test
    void refusesAMessageNobodyWaitsFor() {
        assertThatThrownBy(() -> engine.correlate(new CorrelateRequest("payment", "paymentReceived",
                TestEngines.uniqueKey(), Map.of(), null), BUDGET)).isInstanceOf(NoMatchingInstance.class);
    }

    @Test
    void refusesAMessageSeveralInstancesWaitFor() {
        String order = TestEngines.uniqueKey();
        start(order);
        start(order);

        assertThatThrownBy(() -> engine.correlate(new CorrelateRequest("payment", "paymentReceived", order,
                Map.of(), null), BUDGET)).isInstanceOfSatisfying(AmbiguousMatch.class,
                ambiguous -> assertThat(ambiguous.matches()).isEqualTo(2));
    }

    @Test
    void onlyCorrelatesWithinTheTenant() {
        String order = TestEngines.uniqueKey();
        engine.start(new StartRequest("payment", order, Map.of(), "acme", null), BUDGET);

        assertThatThrownBy(() -> engine.correlate(new CorrelateRequest("payment", "paymentReceived", order,
                Map.of(), "globex"), BUDGET)).isInstanceOf(NoMatchingInstance.class);
        assertThat(engine.correlate(new CorrelateRequest("payment", "paymentReceived", order, Map.of(), "acme"),
                BUDGET).tenantId()).isEqualTo("acme");
    }

    @Test
    void aMessageForTheTenantOfItsInstanceReachesTheOneInstanceWithTheKeyInItsTenant() {
        String order = TestEngines.uniqueKey();
        FlowInstance acme = engine.start(new StartRequest("payment", order, Map.of(), "acme", null), BUDGET);

        FlowInstance correlated = engine.correlate(paidInTenantOfInstance(order), BUDGET);

        assertThat(correlated.id()).isEqualTo(acme.id());
        assertThat(correlated.tenantId()).isEqualTo("acme");
        assertThat(correlated.activities()).extracting(ActivityView::id).containsExactly("ship");
    }

    @Test
    void aMessageForTheTenantOfItsInstanceAlsoReachesAnInstanceWithoutTenant() {
        String order = TestEngines.uniqueKey();
        FlowInstance tenantless = start(order);

        assertThat(engine.correlateCommitted(paidInTenantOfInstance(order), BUDGET).id()).isEqualTo(tenantless.id());
    }

    @Test
    void aMessageForTheTenantOfItsInstanceReachesNeitherWhenTwoTenantsHaveTheKey() {
        String order = TestEngines.uniqueKey();
        FlowInstance acme = engine.start(new StartRequest("payment", order, Map.of(), "acme", null), BUDGET);
        FlowInstance globex = engine.start(new StartRequest("payment", order, Map.of(), "globex", null), BUDGET);

        assertThatThrownBy(() -> engine.correlate(paidInTenantOfInstance(order), BUDGET))
                .isInstanceOf(AmbiguousMatch.class).hasMessageContaining("more than one tenant")
                .hasMessageNotContaining("acme").hasMessageNotContaining("globex");
        for (FlowInstance instance : List.of(acme, globex)) {
            assertThat(engine.instance(instance.id()).orElseThrow().activities()).extracting(ActivityView::id)
                    .containsExactly("waitForPayment");
        }
    }

    @Test
    void anEndedInstanceKeepsItsKeyForItsTenantSoAnotherTenantsInstanceWithItIsNeverReached() {
        String order = TestEngines.uniqueKey();
        engine.start(new StartRequest("payment", order, Map.of(), "acme", null), BUDGET);
        engine.correlate(paidInTenantOfInstance(order), BUDGET);
        engine.completeTask(new CompleteTaskRequest("payment", "ship", order, Map.of(), "acme"), BUDGET);
        FlowInstance globex = engine.start(new StartRequest("payment", order, Map.of(), "globex", null), BUDGET);

        assertThatThrownBy(() -> engine.correlate(paidInTenantOfInstance(order), BUDGET))
                .as("a late callback for acme's paid order").isInstanceOf(AmbiguousMatch.class);
        assertThat(engine.instance(globex.id()).orElseThrow().activities()).extracting(ActivityView::id)
                .containsExactly("waitForPayment");
    }

    @Test
    void aMessageForTheTenantOfItsInstanceWithoutAnyInstanceIsNoMatch() {
        assertThatThrownBy(() -> engine.correlate(paidInTenantOfInstance(TestEngines.uniqueKey()), BUDGET))
                .isInstanceOf(NoMatchingInstance.class);
    }

    @Test
    void completesATaskByItsKeyAndTheBusinessKey() {
        String order = TestEngines.uniqueKey();
        start(order);
        engine.correlate(new CorrelateRequest("payment", "paymentReceived", order, Map.of(), null), BUDGET);

        FlowInstance done = engine.completeTask(new CompleteTaskRequest("payment", "ship", order,
                Map.of("carrier", "DHL"), null), BUDGET);

        assertThat(done.state()).isEqualTo(InstanceState.COMPLETED);
        assertThat(done.variables()).containsEntry("carrier", "DHL");
        assertThatThrownBy(() -> engine.completeTask(new CompleteTaskRequest("payment", "ship", order, Map.of(),
                null), BUDGET)).isInstanceOf(NoMatchingInstance.class);
    }

    @Test
    void refusesToCompleteWhenSeveralTasksMatch() {
        String order = TestEngines.uniqueKey();
        for (int i = 0; i < 2; i++) {
            start(order);
        }
        engine.processEngine().getRuntimeService().createMessageCorrelation("paymentReceived")
                .processInstanceBusinessKey(order).correlateAll();

        assertThatThrownBy(() -> engine.completeTask(new CompleteTaskRequest("payment", "ship", order, Map.of(),
                null), BUDGET)).isInstanceOf(AmbiguousMatch.class);
    }

    @Test
    void completesATaskByIdFromTheInbox() {
        String order = TestEngines.uniqueKey();
        FlowInstance started = start(order);
        engine.correlate(new CorrelateRequest("payment", "paymentReceived", order, Map.of(), null), BUDGET);
        List<UserTaskView> inbox = engine.tasks(new TaskQuery(List.of("warehouse"), null, null, started.id(), 10));
        assertThat(inbox).singleElement().satisfies(task -> {
            assertThat(task.taskKey()).isEqualTo("ship");
            assertThat(task.flowKey()).isEqualTo("payment");
            assertThat(task.businessKey()).isEqualTo(order);
            assertThat(task.candidateGroups()).containsExactly("warehouse");
        });

        FlowInstance done = engine.completeTask(inbox.get(0).id(), Map.of("ok", true), BUDGET);

        assertThat(done.state()).isEqualTo(InstanceState.COMPLETED);
        assertThatThrownBy(() -> engine.completeTask(inbox.get(0).id(), Map.of(), BUDGET))
                .isInstanceOf(NoMatchingInstance.class);
    }

    private static CorrelateRequest paidInTenantOfInstance(String order) {
        return CorrelateRequest.inTenantOfInstance("payment", "paymentReceived", order, Map.of());
    }

    private FlowInstance start(String order) {
        return engine.start(new StartRequest("payment", order, Map.of(), null, null), BUDGET);
    }
}
