package io.flowgate.engine;

import io.flowgate.connectors.events.Outbox;
import io.flowgate.connectors.events.OutboxEvent;
import io.flowgate.connectors.events.StoredEvent;
import io.flowgate.engine.internal.CamundaWorkflowEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine's events: one outbox row per change, written by the command that made it, gone when it rolls back. */
class EngineEventsTest {

    private static final Duration BUDGET = Duration.ofSeconds(20);
    private static CamundaWorkflowEngine engine;
    private static Outbox outbox;

    @BeforeAll
    static void engine() {
        engine = TestEngines.shared();
        for (String fixture : List.of("StartFlowTest.straight.bpmn", "StartFlowTest.approval.bpmn",
                "StartFlowTest.failing.bpmn", "IncidentTest.flaky.bpmn")) {
            engine.deploy(fixture, TestEngines.fixture(fixture));
        }
        outbox = new Outbox(engine.processEngine().getProcessEngineConfiguration().getDataSource());
    }

    @Test
    void reportsAnInstanceStartedAndCompletedInItsTenant() {
        FlowInstance instance = engine.start(new StartRequest("straight", "order-7", Map.of("name", "Ada"),
                "downtown", "cleo"), BUDGET);

        List<OutboxEvent> events = about(instance.id());
        assertThat(events).extracting(OutboxEvent::type).containsExactly("instance.started", "instance.completed");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.tenant()).isEqualTo("downtown");
            assertThat(event.family()).isEqualTo("instance");
            assertThat(event.data()).containsEntry("flow", "straight")
                    .containsEntry("flowVersion", instance.flowVersion()).containsEntry("businessKey", "order-7");
        });
        assertThat(events.get(0).data()).doesNotContainKey("endState");
        assertThat(events.get(1).data()).containsEntry("endState", "COMPLETED");
    }

    @Test
    void reportsAUserTaskCreatedAndCompletedWithWhoCompletedIt() {
        String businessKey = TestEngines.uniqueKey();
        FlowInstance waiting = engine.start(new StartRequest("approval", businessKey, Map.of(), "uptown", null),
                BUDGET);
        String taskId = engine.tasks(new TaskQuery(null, null, "uptown", waiting.id(), 10)).get(0).id();

        engine.completeTask(new CompleteTaskRequest("approval", "approve", businessKey, Map.of(), "uptown", "max"),
                BUDGET);

        List<OutboxEvent> events = about(taskId);
        assertThat(events).extracting(OutboxEvent::type).containsExactly("task.created", "task.completed");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.tenant()).isEqualTo("uptown");
            assertThat(event.data()).containsEntry("instanceId", waiting.id()).containsEntry("flow", "approval")
                    .containsEntry("taskDefinitionKey", "approve").containsEntry("name", "Approve order")
                    .containsEntry("candidateGroups", List.of("auditors", "managers"));
        });
        assertThat(events.get(0).data()).doesNotContainKey("completedBy");
        assertThat(events.get(1).data()).containsEntry("completedBy", "max");
        assertThat(about(waiting.id())).extracting(OutboxEvent::type)
                .containsExactly("instance.started", "instance.completed");
    }

    @Test
    void aStartThatRollsBackLeavesNoEvent() {
        String businessKey = TestEngines.uniqueKey();

        assertThatThrownBy(() -> engine.start(new StartRequest("failing", businessKey, Map.of(), null, null),
                BUDGET)).isInstanceOf(FlowFailed.class);

        assertThat(events(event -> businessKey.equals(event.data().get("businessKey")))).isEmpty();
    }

    @Test
    void reportsAnIncidentAsAFailedInstanceAndACancelAsItsEnd() {
        FlowInstance stuck = engine.start(new StartRequest("flaky", null, Map.of("failures", 3), "downtown", null),
                BUDGET);
        assertThat(stuck.state()).isEqualTo(InstanceState.INCIDENT);

        engine.cancel(stuck.id(), "given up");

        List<OutboxEvent> events = about(stuck.id());
        assertThat(events).extracting(OutboxEvent::type)
                .containsExactly("instance.started", "instance.failed", "instance.completed");
        assertThat(events.get(1).tenant()).isEqualTo("downtown");
        assertThat(events.get(1).data()).containsEntry("flow", "flaky").containsEntry("activity", "callFlaky")
                .containsKey("incidentId");
        assertThat((String) events.get(1).data().get("message")).contains("flaky failure 3");
        assertThat(events.get(2).data()).containsEntry("endState", "CANCELLED");
    }

    @Test
    void reportsANewDeploymentOnceAndNeverWhenTheCacheReparsesIt() {
        String key = "events-" + TestEngines.uniqueKey();
        FlowDeployment first = engine.deploy(key + ".bpmn", flow(key, "First"));
        engine.deploy(key + ".bpmn", flow(key, "First")); // identical: the existing deployment is answered
        FlowDeployment second = engine.deploy(key + ".bpmn", flow(key, "Second"));

        ((ProcessEngineConfigurationImpl) engine.processEngine().getProcessEngineConfiguration())
                .getDeploymentCache().discardProcessDefinitionCache();
        engine.start(new StartRequest(key, null, Map.of(), null, null), BUDGET); // parses the stored BPMN again

        List<OutboxEvent> deployed = events(event -> event.type().equals("flow.deployed")
                && event.subject().equals(key));
        assertThat(deployed).extracting(event -> event.data().get("version")).containsExactly(1, 2);
        assertThat(deployed).extracting(event -> event.data().get("deploymentId"))
                .containsExactly(first.deploymentId(), second.deploymentId());
        assertThat(deployed.get(0).data()).containsEntry("file", key + ".bpmn").containsEntry("name", "First");
        assertThat(deployed.get(0).tenant()).isNull();
    }

    private static List<OutboxEvent> about(String subject) {
        return events(event -> event.subject().equals(subject));
    }

    private static List<OutboxEvent> events(Predicate<OutboxEvent> filter) {
        return outbox.after(0, 1_000_000).stream().map(StoredEvent::event).filter(filter).toList();
    }

    private static byte[] flow(String key, String name) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\" "
                + "targetNamespace=\"http://flowgate.io/test\"><bpmn:process id=\"" + key + "\" name=\"" + name
                + "\" isExecutable=\"true\"><bpmn:startEvent id=\"s\"/><bpmn:sequenceFlow id=\"f\" sourceRef=\"s\" "
                + "targetRef=\"e\"/><bpmn:endEvent id=\"e\"/></bpmn:process></bpmn:definitions>")
                .getBytes(StandardCharsets.UTF_8);
    }
}
