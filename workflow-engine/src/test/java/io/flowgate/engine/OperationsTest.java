package io.flowgate.engine;

import io.flowgate.engine.internal.CamundaWorkflowEngine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperationsTest {

    private static final Duration BUDGET = Duration.ofSeconds(10);
    private final CamundaWorkflowEngine engine = shared();

    private static CamundaWorkflowEngine shared() {
        CamundaWorkflowEngine engine = TestEngines.withFixture("StartFlowTest.approval.bpmn");
        engine.deploy("StartFlowTest.straight.bpmn", TestEngines.fixture("StartFlowTest.straight.bpmn"));
        return engine;
    }

    @Test
    void cancelsARunningInstance() {
        FlowInstance instance = start("approval", TestEngines.uniqueKey());

        engine.cancel(instance.id(), "customer withdrew");

        assertThat(engine.instance(instance.id())).get().satisfies(cancelled -> {
            assertThat(cancelled.state()).isEqualTo(InstanceState.CANCELLED);
            assertThat(cancelled.endedAt()).isNotNull();
        });
        assertThatThrownBy(() -> engine.cancel(instance.id(), "again")).isInstanceOf(InstanceNotFound.class);
    }

    @Test
    void listsInstancesNewestFirstFilteredByState() throws InterruptedException {
        String businessKey = TestEngines.uniqueKey();
        FlowInstance waiting = start("approval", businessKey);
        Thread.sleep(5); // distinct start times for the ordering
        FlowInstance cancelled = start("approval", businessKey);
        engine.cancel(cancelled.id(), "test");
        Thread.sleep(5);
        FlowInstance completed = start("straight", businessKey);

        assertThat(list(null, businessKey, 10).items()).extracting(FlowInstance::id)
                .containsExactly(completed.id(), cancelled.id(), waiting.id());
        assertThat(list(InstanceState.WAITING, businessKey, 10).items()).extracting(FlowInstance::id)
                .containsExactly(waiting.id());
        assertThat(list(InstanceState.CANCELLED, businessKey, 10).items()).extracting(FlowInstance::id)
                .containsExactly(cancelled.id());
        assertThat(list(InstanceState.COMPLETED, businessKey, 10).items()).extracting(FlowInstance::id)
                .containsExactly(completed.id());
        assertThat(list(InstanceState.RUNNING, businessKey, 10).items()).isEmpty();
    }

    @Test
    void pagesThroughInstancesAndCapsThePageSize() {
        String businessKey = TestEngines.uniqueKey();
        for (int i = 0; i < 3; i++) {
            start("approval", businessKey);
        }

        Page<FlowInstance> second = list(null, businessKey, 2, 1);
        assertThat(second.total()).isEqualTo(3);
        assertThat(second.items()).hasSize(1);
        assertThat(list(null, businessKey, 1000, 0).size()).isEqualTo(200);
    }

    @Test
    void listsOnlyInstancesStartedWithinTheWindowBothEndsIncluded() throws InterruptedException {
        String businessKey = TestEngines.uniqueKey();
        FlowInstance early = start("approval", businessKey);
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);
        FlowInstance late = start("approval", businessKey);

        assertThat(window(businessKey, between, null)).containsExactly(late.id());
        assertThat(window(businessKey, null, between)).containsExactly(early.id());
        assertThat(window(businessKey, early.startedAt(), late.startedAt())).containsExactly(late.id(), early.id());
        assertThat(window(businessKey, late.startedAt().plusMillis(1), null)).isEmpty();
    }

    @Test
    void listsOpenTasksByCandidateGroupAssigneeAndTenant() {
        FlowInstance acme = engine.start(new StartRequest("approval", TestEngines.uniqueKey(), Map.of(), "acme",
                null), BUDGET);

        assertThat(engine.tasks(new TaskQuery(List.of("auditors"), null, "acme", null, 50)))
                .extracting(UserTaskView::instanceId).contains(acme.id());
        assertThat(engine.tasks(new TaskQuery(List.of("auditors"), null, "acme", null, 50)))
                .filteredOn(task -> task.instanceId().equals(acme.id())).singleElement().satisfies(task -> {
                    assertThat(task.candidateGroups()).containsExactlyInAnyOrder("managers", "auditors");
                    assertThat(task.tenantId()).isEqualTo("acme");
                    assertThat(task.name()).isEqualTo("Approve order");
                });
        assertThat(engine.tasks(new TaskQuery(List.of("nobody"), null, null, acme.id(), 50))).isEmpty();
        assertThat(engine.tasks(new TaskQuery(null, null, "globex", acme.id(), 50))).isEmpty();
    }

    @Test
    void showsTheActivityHistoryOldestFirst() {
        FlowInstance instance = start("straight", TestEngines.uniqueKey());

        assertThat(engine.details(instance.id())).get().satisfies(details -> assertThat(details.history())
                .extracting(ActivityRecord::activityId).containsExactly("start", "greet", "end"));
        assertThat(engine.details("unknown")).isEmpty();
        assertThat(engine.instance("unknown")).isEmpty();
    }

    private FlowInstance start(String flowKey, String businessKey) {
        return engine.start(new StartRequest(flowKey, businessKey, Map.of("name", "x"), null, null), BUDGET);
    }

    private Page<FlowInstance> list(InstanceState state, String businessKey, int size) {
        return engine.instances(new InstanceQuery(null, state, businessKey, null, 0, size));
    }

    private List<String> window(String businessKey, Instant startedAfter, Instant startedBefore) {
        return engine.instances(new InstanceQuery(null, null, businessKey, null, 0, 10, startedAfter, startedBefore))
                .items().stream().map(FlowInstance::id).toList();
    }

    private Page<FlowInstance> list(InstanceState state, String businessKey, int size, int page) {
        return engine.instances(new InstanceQuery(null, state, businessKey, null, page, size));
    }
}
