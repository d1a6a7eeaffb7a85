package io.flowgate.engine;

import io.flowgate.engine.internal.CamundaWorkflowEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A start that claims its business key: refused while an instance of the flow runs with it in the same tenant,
 * free again once that instance ends, and race-free when starts with the same key arrive together.
 */
class UniqueBusinessKeyTest {

    private static final String FLOW = "unique-refund";
    private static final Duration BUDGET = Duration.ofSeconds(10);
    private static CamundaWorkflowEngine engine;

    @BeforeAll
    static void deploy() {
        engine = TestEngines.withFixture("UniqueBusinessKeyTest.refund.bpmn");
    }

    @Test
    void aSecondStartWithTheKeyIsRefusedNamingTheRunningInstanceAndRunsNothing() {
        String order = TestEngines.uniqueKey();
        FlowInstance first = engine.start(unique(order, "bistro"), BUDGET);

        BusinessKeyInUse refused = catchThrowableOfType(BusinessKeyInUse.class,
                () -> engine.start(unique(order, "bistro"), BUDGET));

        assertThat(refused).as("the second start must be refused").isNotNull();
        assertThat(refused.instanceId()).contains(first.id());
        assertThat(refused.flowKey()).isEqualTo(FLOW);
        assertThat(refused.businessKey()).isEqualTo(order);
        assertThat(refused.getMessage()).contains(first.id(), order);
        assertThat(connectorCalls(order)).as("the refused start ran no activity").isEqualTo(1);
        assertThat(running(order, "bistro")).containsExactly(first.id());
    }

    @Test
    void theKeyIsFreeAgainOnceItsInstanceEnds() {
        String order = TestEngines.uniqueKey();
        engine.start(unique(order, null), BUDGET);
        engine.completeTask(new CompleteTaskRequest(FLOW, "approve", order, Map.of(), null, "max"), BUDGET);

        FlowInstance again = engine.start(unique(order, null), BUDGET);

        assertThat(again.state()).isEqualTo(InstanceState.WAITING);
        assertThat(running(order, null)).containsExactly(again.id());
    }

    @Test
    void theKeyIsFreeAgainOnceItsInstanceIsCancelled() {
        String order = TestEngines.uniqueKey();
        FlowInstance first = engine.start(unique(order, "bistro"), BUDGET);
        engine.cancel(first.id(), "asked twice");

        FlowInstance again = engine.start(unique(order, "bistro"), BUDGET);

        assertThat(running(order, "bistro")).containsExactly(again.id());
    }

    @Test
    void anotherTenantsInstanceWithTheSameKeyNeitherBlocksNorIsNamed() {
        String order = TestEngines.uniqueKey();
        FlowInstance bistro = engine.start(unique(order, "bistro"), BUDGET);

        FlowInstance diner = engine.start(unique(order, "diner"), BUDGET);
        FlowInstance noTenant = engine.start(unique(order, null), BUDGET);

        assertThat(List.of(bistro.id(), diner.id(), noTenant.id())).doesNotHaveDuplicates();
        BusinessKeyInUse refused = catchThrowableOfType(BusinessKeyInUse.class,
                () -> engine.start(unique(order, "diner"), BUDGET));
        assertThat(refused.instanceId()).contains(diner.id());
    }

    @Test
    void startsThatDoNotClaimTheKeyAreNotChecked() {
        String order = TestEngines.uniqueKey();
        engine.start(unique(order, "bistro"), BUDGET);

        FlowInstance shared = engine.start(new StartRequest(FLOW, order, Map.of(), "bistro", "cleo"), BUDGET);

        assertThat(running(order, "bistro")).hasSize(2).contains(shared.id());
    }

    /**
     * Data from before the flow's starts claimed their key (or from a start that does not claim it) has no row:
     * the instance running with the key blocks all the same, so a key already shared is never shared further.
     */
    @Test
    void anInstanceThatHoldsTheKeyWithoutHavingClaimedItBlocksToo() {
        String order = TestEngines.uniqueKey();
        FlowInstance earlier = engine.start(new StartRequest(FLOW, order, Map.of(), "bistro", "cleo"), BUDGET);

        BusinessKeyInUse refused = catchThrowableOfType(BusinessKeyInUse.class,
                () -> engine.start(unique(order, "bistro"), BUDGET));

        assertThat(refused.instanceId()).contains(earlier.id());
        assertThat(running(order, "bistro")).containsExactly(earlier.id());
    }

    @Test
    void ofConcurrentStartsWithTheSameKeyExactlyOneStarts() throws Exception {
        String order = TestEngines.uniqueKey();
        int starts = 8;
        ExecutorService callers = Executors.newFixedThreadPool(starts);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < starts; i++) {
                outcomes.add(callers.submit((Callable<Object>) () -> {
                    go.await();
                    try {
                        return engine.start(unique(order, "bistro"), BUDGET);
                    } catch (BusinessKeyInUse refused) {
                        return refused;
                    }
                }));
            }
            go.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> outcome : outcomes) {
                results.add(outcome.get());
            }

            List<FlowInstance> started = results.stream().filter(FlowInstance.class::isInstance)
                    .map(FlowInstance.class::cast).toList();
            assertThat(started).hasSize(1);
            assertThat(results).filteredOn(BusinessKeyInUse.class::isInstance).hasSize(starts - 1);
            assertThat(running(order, "bistro")).containsExactly(started.get(0).id());
            assertThat(connectorCalls(order)).isEqualTo(1);
        } finally {
            callers.shutdownNow();
        }
    }

    /** Keys duplicated before uniqueness was declared: the decision is refused, naming whom to look at. */
    @Test
    void anAmbiguousCompletionNamesTheInstancesItFound() {
        String order = TestEngines.uniqueKey();
        FlowInstance one = engine.start(new StartRequest(FLOW, order, Map.of(), null, "cleo"), BUDGET);
        FlowInstance two = engine.start(new StartRequest(FLOW, order, Map.of(), null, "cleo"), BUDGET);

        AmbiguousMatch ambiguous = catchThrowableOfType(AmbiguousMatch.class, () -> engine.completeTask(
                new CompleteTaskRequest(FLOW, "approve", order, Map.of(), null, "max"), BUDGET));

        assertThat(ambiguous.matches()).isEqualTo(2);
        assertThat(ambiguous.instanceIds()).containsExactlyInAnyOrder(one.id(), two.id());
    }

    private static StartRequest unique(String businessKey, String tenant) {
        return new StartRequest(FLOW, businessKey, Map.of(), tenant, "cleo").withUniqueBusinessKey(true);
    }

    private static List<String> running(String businessKey, String tenant) {
        var query = engine.processEngine().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(FLOW).processInstanceBusinessKey(businessKey);
        return (tenant == null ? query.withoutTenantId() : query.tenantIdIn(tenant)).list().stream()
                .map(instance -> instance.getId()).toList();
    }

    /** Calls of the flow's first activity for instances with the business key. */
    private static int connectorCalls(String businessKey) {
        var calls = TestConnectors.COUNTED.get(businessKey);
        return calls == null ? 0 : calls.get();
    }
}
