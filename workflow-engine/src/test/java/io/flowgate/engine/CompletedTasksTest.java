package io.flowgate.engine;

import io.flowgate.engine.internal.CamundaWorkflowEngine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The history of completed tasks, and the candidate groups the deployed flows name. */
class CompletedTasksTest {

    private static final Duration BUDGET = Duration.ofSeconds(10);
    private final CamundaWorkflowEngine engine = TestEngines.withFixture("TaskInboxTest.review.bpmn");
    // a user of this test only: the shared engine holds other tests' tasks
    private final String dora = "dora-" + TestEngines.uniqueKey();

    private UserTaskView open(String tenant) {
        FlowInstance started = engine.start(new StartRequest("expense-review", TestEngines.uniqueKey(), Map.of(),
                tenant, "alice"), BUDGET);
        return engine.tasks(new TaskQuery(null, null, null, started.id(), 5)).get(0);
    }

    private UserTaskView completedByDora(String tenant) throws InterruptedException {
        UserTaskView task = open(tenant);
        engine.claim(task.id(), dora);
        engine.completeTask(task.id(), Map.of(), BUDGET);
        Thread.sleep(5); // distinct completion times for the ordering
        return task;
    }

    @Test
    void listsTheTasksAUserCompletedNewestFirstWithinTheirTenant() throws InterruptedException {
        UserTaskView first = completedByDora("acme");
        UserTaskView second = completedByDora("acme");
        UserTaskView elsewhere = completedByDora("globex");

        assertThat(ids(CompletedTaskQuery.completedBy(dora, "acme", 10))).containsExactly(second.id(), first.id());
        assertThat(ids(CompletedTaskQuery.completedBy(dora, "acme", 1))).containsExactly(second.id());
        assertThat(ids(CompletedTaskQuery.completedBy(dora, "globex", 10))).containsExactly(elsewhere.id());
        assertThat(ids(CompletedTaskQuery.completedBy(dora, null, 10))).isEmpty();
        assertThat(ids(new CompletedTaskQuery(dora, true, null, 10)))
                .containsExactly(elsewhere.id(), second.id(), first.id());
    }

    @Test
    void describesACompletedTaskWithItsInstanceAndTimes() throws InterruptedException {
        UserTaskView task = completedByDora("acme");

        CompletedTask done = engine.completedTasks(CompletedTaskQuery.completedBy(dora, "acme", 1)).get(0);

        assertThat(done.id()).isEqualTo(task.id());
        assertThat(done.taskKey()).isEqualTo("check");
        assertThat(done.name()).isEqualTo("Check receipts");
        assertThat(done.instanceId()).isEqualTo(task.instanceId());
        assertThat(done.flowKey()).isEqualTo("expense-review");
        assertThat(done.businessKey()).isEqualTo(task.businessKey()).isNotNull();
        assertThat(done.assignee()).isEqualTo(dora);
        assertThat(done.tenantId()).isEqualTo("acme");
        // the history's start time is stamped apart from the task's create time: they may differ by a millisecond
        assertThat(done.createdAt()).isCloseTo(task.createdAt(), within(1, ChronoUnit.SECONDS));
        assertThat(done.completedAt()).isAfterOrEqualTo(done.createdAt());
    }

    @Test
    void leavesOutOpenTasksAndTasksOfCancelledInstances() {
        UserTaskView stillOpen = open("acme");
        engine.claim(stillOpen.id(), dora);
        UserTaskView cancelled = open("acme");
        engine.claim(cancelled.id(), dora);
        engine.cancel(cancelled.instanceId(), "withdrawn");

        assertThat(engine.completedTasks(CompletedTaskQuery.completedBy(dora, "acme", 10))).isEmpty();
    }

    @Test
    void namesTheLiteralCandidateGroupsOfEveryDeployedFlow() {
        engine.deploy("TaskInboxTest.refund-form.bpmn", TestEngines.fixture("TaskInboxTest.refund-form.bpmn"));

        List<String> groups = List.copyOf(engine.candidateGroups());

        assertThat(groups).contains("clerks", "managers", "finance", "refund-desk", "store-manager")
                .noneMatch(group -> group.contains("${") || group.isBlank()).isSorted();
    }

    private List<String> ids(CompletedTaskQuery query) {
        return engine.completedTasks(query).stream().map(CompletedTask::id).toList();
    }
}
