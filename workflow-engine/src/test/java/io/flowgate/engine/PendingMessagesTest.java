package io.flowgate.engine;

import io.flowgate.engine.internal.CamundaWorkflowEngine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A message that outruns its flow is kept and delivered once the instance waits for it. */
class PendingMessagesTest {

    private static final Duration BUDGET = Duration.ofSeconds(10);
    private final CamundaWorkflowEngine engine = TestEngines.withFixture("PendingMessagesTest.late.bpmn");

    @Test
    void deliversAKeptMessageOnceTheInstanceReachesTheWaitState() {
        String order = TestEngines.uniqueKey();
        FlowInstance started = engine.start(new StartRequest("late-wait", order, Map.of(), null, null), BUDGET);
        assertThatThrownBy(() -> engine.correlate(confirmed(order), BUDGET)).isInstanceOf(NoMatchingInstance.class);

        PendingMessage kept = engine.buffer(confirmed(order), Duration.ofMinutes(5));
        assertThat(kept.expiresAt()).isAfter(Instant.now().plusSeconds(200));
        engine.completeTask(new CompleteTaskRequest("late-wait", "prepare", order, Map.of(), null, null), BUDGET);

        Eventually.within(Duration.ofSeconds(10), () -> assertThat(activities(started.id())).containsExactly("serve"));
        assertThat(engine.instance(started.id()).orElseThrow().variables()).containsEntry("paidAmount", 19.5);
    }

    @Test
    void keepsTheMessageWhileSeveralInstancesWaitAndDeliversNothingToThem() throws InterruptedException {
        String order = TestEngines.uniqueKey();
        FlowInstance first = engine.start(new StartRequest("late-wait", order, Map.of(), null, null), BUDGET);
        FlowInstance second = engine.start(new StartRequest("late-wait", order, Map.of(), null, null), BUDGET);
        for (FlowInstance instance : new FlowInstance[] {first, second}) {
            engine.completeTask(taskOf(instance), Map.of(), BUDGET);
        }
        engine.buffer(confirmed(order), Duration.ofMinutes(5));

        Thread.sleep(1_500);

        assertThat(activities(first.id())).containsExactly("waitForPayment");
        assertThat(activities(second.id())).containsExactly("waitForPayment");
    }

    @Test
    void dropsAMessageNobodyWaitedForBeforeItExpired() throws InterruptedException {
        String order = TestEngines.uniqueKey();
        FlowInstance started = engine.start(new StartRequest("late-wait", order, Map.of(), null, null), BUDGET);
        engine.buffer(confirmed(order), Duration.ofMillis(200));

        Thread.sleep(1_500);
        engine.completeTask(new CompleteTaskRequest("late-wait", "prepare", order, Map.of(), null, null), BUDGET);
        Thread.sleep(1_500);

        assertThat(activities(started.id())).containsExactly("waitForPayment");
    }

    @Test
    void keepsMessagesOnlyWithinTheirTenant() {
        String order = TestEngines.uniqueKey();
        FlowInstance acme = engine.start(new StartRequest("late-wait", order, Map.of(), "acme", null), BUDGET);
        engine.buffer(new CorrelateRequest("late-wait", "PaymentConfirmed", order, Map.of(), "globex"),
                Duration.ofMinutes(5));
        engine.completeTask(new CompleteTaskRequest("late-wait", "prepare", order, Map.of(), "acme", null), BUDGET);

        Eventually.within(Duration.ofSeconds(2), () -> assertThat(activities(acme.id()))
                .containsExactly("waitForPayment"));
        assertThat(engine.correlate(new CorrelateRequest("late-wait", "PaymentConfirmed", order, Map.of(), "acme"),
                BUDGET).activities()).extracting(ActivityView::id).containsExactly("serve");
    }

    @Test
    void aMessageForTheTenantOfItsInstanceKeptBeforeAnyInstanceExistsReachesItInItsTenant() {
        String order = TestEngines.uniqueKey();
        PendingMessage kept = engine.buffer(confirmedInTenantOfInstance(order), Duration.ofMinutes(5));
        assertThat(kept.tenantOfInstance()).isTrue();
        assertThat(kept.tenantId()).isNull();

        FlowInstance acme = engine.start(new StartRequest("late-wait", order, Map.of(), "acme", null), BUDGET);
        engine.completeTask(new CompleteTaskRequest("late-wait", "prepare", order, Map.of(), "acme", null), BUDGET);

        Eventually.within(Duration.ofSeconds(10), () -> assertThat(activities(acme.id())).containsExactly("serve"));
        assertThat(engine.instance(acme.id()).orElseThrow().variables()).containsEntry("paidAmount", 19.5);
    }

    @Test
    void aKeptMessageForTheTenantOfItsInstanceReachesNeitherOfTwoTenantsWithTheKey() throws InterruptedException {
        String order = TestEngines.uniqueKey();
        engine.buffer(confirmedInTenantOfInstance(order), Duration.ofMinutes(5));
        FlowInstance acme = engine.start(new StartRequest("late-wait", order, Map.of(), "acme", null), BUDGET);
        FlowInstance globex = engine.start(new StartRequest("late-wait", order, Map.of(), "globex", null), BUDGET);
        engine.completeTask(new CompleteTaskRequest("late-wait", "prepare", order, Map.of(), "globex", null), BUDGET);
        engine.completeTask(new CompleteTaskRequest("late-wait", "prepare", order, Map.of(), "acme", null), BUDGET);

        Thread.sleep(1_500);

        assertThat(activities(acme.id())).containsExactly("waitForPayment");
        assertThat(activities(globex.id())).containsExactly("waitForPayment");
    }

    @Test
    void aMessageForTheTenantOfItsInstanceTakesTheTenantOfTheInstanceThatExistsWhenItArrives() {
        String order = TestEngines.uniqueKey();
        FlowInstance acme = engine.start(new StartRequest("late-wait", order, Map.of(), "acme", null), BUDGET);

        PendingMessage kept = engine.buffer(confirmedInTenantOfInstance(order), Duration.ofMinutes(5));
        FlowInstance globex = engine.start(new StartRequest("late-wait", order, Map.of(), "globex", null), BUDGET);
        engine.completeTask(new CompleteTaskRequest("late-wait", "prepare", order, Map.of(), "globex", null), BUDGET);

        assertThat(kept.tenantId()).isEqualTo("acme");
        assertThat(kept.tenantOfInstance()).isFalse();
        Eventually.within(Duration.ofSeconds(2), () -> assertThat(activities(globex.id()))
                .containsExactly("waitForPayment"));
        engine.completeTask(new CompleteTaskRequest("late-wait", "prepare", order, Map.of(), "acme", null), BUDGET);
        Eventually.within(Duration.ofSeconds(10), () -> assertThat(activities(acme.id())).containsExactly("serve"));
        assertThat(activities(globex.id())).containsExactly("waitForPayment");
    }

    @Test
    void refusesToKeepAMessageForTheTenantOfItsInstanceWhenTwoTenantsAlreadyHaveTheKey() {
        String order = TestEngines.uniqueKey();
        engine.start(new StartRequest("late-wait", order, Map.of(), "acme", null), BUDGET);
        engine.start(new StartRequest("late-wait", order, Map.of(), "globex", null), BUDGET);

        assertThatThrownBy(() -> engine.buffer(confirmedInTenantOfInstance(order), Duration.ofMinutes(5)))
                .isInstanceOf(AmbiguousMatch.class);
    }

    @Test
    void refusesToKeepAMessageWithoutABusinessKey() {
        assertThatThrownBy(() -> engine.buffer(new CorrelateRequest("late-wait", "PaymentConfirmed", null, Map.of(),
                null), Duration.ofMinutes(1))).isInstanceOf(InvalidVariables.class);
    }

    private static CorrelateRequest confirmedInTenantOfInstance(String order) {
        return CorrelateRequest.inTenantOfInstance("late-wait", "PaymentConfirmed", order,
                Map.of("paidAmount", 19.5));
    }

    private static CorrelateRequest confirmed(String order) {
        return new CorrelateRequest("late-wait", "PaymentConfirmed", order, Map.of("paidAmount", 19.5), null);
    }

    private java.util.List<String> activities(String instanceId) {
        return engine.instance(instanceId).orElseThrow().activities().stream().map(ActivityView::id).toList();
    }

    private String taskOf(FlowInstance instance) {
        return engine.tasks(new TaskQuery(null, null, null, instance.id(), 1)).get(0).id();
    }
}
