package io.flowgate.engine;

import io.flowgate.engine.internal.CamundaWorkflowEngine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading, claiming and unclaiming single tasks, and what a task says about who started its instance. */
class TaskInboxTest {

    private static final Duration BUDGET = Duration.ofSeconds(10);
    private final CamundaWorkflowEngine engine = TestEngines.withFixture("TaskInboxTest.review.bpmn");

    private UserTaskView firstTask(String initiator, String tenant) {
        FlowInstance started = engine.start(new StartRequest("expense-review", TestEngines.uniqueKey(), Map.of(),
                tenant, initiator), BUDGET);
        assertThat(started.state()).isEqualTo(InstanceState.WAITING);
        List<UserTaskView> tasks = engine.tasks(new TaskQuery(null, null, null, started.id(), 5));
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    @Test
    void readsATaskByIdWithItsInitiatorTenantAndGroups() {
        UserTaskView listed = firstTask("alice", "acme");

        UserTaskView task = engine.task(listed.id()).orElseThrow();

        assertThat(task).isEqualTo(listed);
        assertThat(task.taskKey()).isEqualTo("check");
        assertThat(task.initiator()).isEqualTo("alice");
        assertThat(task.tenantId()).isEqualTo("acme");
        assertThat(task.candidateGroups()).containsExactly("clerks");
        assertThat(task.separateFromInitiator()).isFalse();
    }

    @Test
    void findsNoTaskForAnUnknownOrCompletedId() {
        UserTaskView task = firstTask("alice", null);
        engine.completeTask(task.id(), Map.of(), BUDGET);

        assertThat(engine.task(task.id())).isEmpty();
        assertThat(engine.task("no-such-task")).isEmpty();
    }

    @Test
    void flagsATaskThatMustBeSeparatedFromTheInitiator() {
        UserTaskView check = firstTask("alice", null);
        FlowInstance next = engine.completeTask(check.id(), Map.of(), BUDGET);

        UserTaskView approve = engine.tasks(new TaskQuery(null, null, null, next.id(), 5)).get(0);

        assertThat(approve.taskKey()).isEqualTo("approve");
        assertThat(approve.separateFromInitiator()).isTrue();
        assertThat(approve.initiator()).isEqualTo("alice");
        assertThat(approve.forbidsCompletionBy("alice")).isTrue();
        assertThat(approve.forbidsCompletionBy("bob")).isFalse();
        assertThat(check.forbidsCompletionBy("alice")).isFalse();
    }

    @Test
    void claimsAnOpenTaskForAUser() {
        UserTaskView task = firstTask("alice", null);

        UserTaskView claimed = engine.claim(task.id(), "bob");

        assertThat(claimed.assignee()).isEqualTo("bob");
        assertThat(engine.tasks(new TaskQuery(null, "bob", null, task.instanceId(), 5))).hasSize(1);
        // a claimed task leaves its candidate groups' list
        assertThat(engine.tasks(new TaskQuery(List.of("clerks"), null, null, task.instanceId(), 5))).isEmpty();
    }

    @Test
    void claimingATaskOneAlreadyHoldsChangesNothing() {
        UserTaskView task = firstTask("alice", null);
        engine.claim(task.id(), "bob");

        assertThat(engine.claim(task.id(), "bob").assignee()).isEqualTo("bob");
    }

    @Test
    void refusesToClaimATaskAnotherUserHolds() {
        UserTaskView task = firstTask("alice", null);
        engine.claim(task.id(), "bob");

        assertThatThrownBy(() -> engine.claim(task.id(), "carol"))
                .isInstanceOfSatisfying(TaskAlreadyClaimed.class, claimed -> {
                    assertThat(claimed.assignee()).isEqualTo("bob");
                    assertThat(claimed.code()).isEqualTo("task-claimed");
                });
        assertThat(engine.task(task.id()).orElseThrow().assignee()).isEqualTo("bob");
    }

    @Test
    void unclaimingGivesTheTaskBackToItsGroups() {
        UserTaskView task = firstTask("alice", null);
        engine.claim(task.id(), "bob");

        UserTaskView released = engine.unclaim(task.id());

        assertThat(released.assignee()).isNull();
        assertThat(engine.tasks(new TaskQuery(List.of("clerks"), null, null, task.instanceId(), 5))).hasSize(1);
        assertThat(engine.unclaim(task.id()).assignee()).isNull();
        assertThat(engine.claim(task.id(), "carol").assignee()).isEqualTo("carol");
    }

    @Test
    void claimingOrUnclaimingAnUnknownTaskIsTaskNotFound() {
        assertThatThrownBy(() -> engine.claim("no-such-task", "bob")).isInstanceOf(TaskNotFound.class);
        assertThatThrownBy(() -> engine.unclaim("no-such-task")).isInstanceOf(TaskNotFound.class);
    }

    @Test
    void showsTheFormATaskDeclaresAsWrittenWithoutEvaluatingIt() {
        engine.deploy("TaskInboxTest.refund-form.bpmn", TestEngines.fixture("TaskInboxTest.refund-form.bpmn"));
        FlowInstance started = engine.start(new StartRequest("refund-form", TestEngines.uniqueKey(),
                Map.of("requested", 1250, "escalationGroup", "area-managers"), null, "alice"), BUDGET);

        UserTaskView task = engine.tasks(new TaskQuery(null, null, null, started.id(), 5)).get(0);

        assertThat(task.formFields()).containsExactly(
                new FormField("amount", "Amount (cents)", "long", true, "${requested}", List.of()),
                new FormField("reason", null, "enum", false, "damaged", List.of(
                        new FormField.EnumValue("damaged", "Arrived damaged"),
                        new FormField.EnumValue("late", "Arrived late"))),
                new FormField("approved", "Approve", "boolean", false, null, List.of()),
                new FormField("payOn", "Pay on", "date", false, null, List.of()),
                new FormField("note", "Note", "string", false, null, List.of()));
        assertThat(engine.task(task.id()).orElseThrow().formFields()).isEqualTo(task.formFields());
    }

    @Test
    void aTaskWithoutAFormHasNoFields() {
        assertThat(firstTask("alice", null).formFields()).isEmpty();
    }

    @Test
    void aTaskWithoutKnownInitiatorIsNeverForbiddenToAnyone() {
        UserTaskView task = firstTask(null, null);

        assertThat(task.initiator()).isNull();
        assertThat(task.forbidsCompletionBy("bob")).isFalse();
        assertThat(task.forbidsCompletionBy(null)).isFalse();
    }
}
