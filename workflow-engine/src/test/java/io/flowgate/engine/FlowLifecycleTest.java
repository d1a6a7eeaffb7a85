package io.flowgate.engine;

import io.flowgate.engine.config.CamundaEngineBuilder;
import io.flowgate.engine.config.EngineSettings;
import io.flowgate.engine.internal.CamundaWorkflowEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Suspending, activating and undeploying flow versions, and redeploying a flow whose timer start event fires all the
 * time. The engine has no timer floor, as one holding flows deployed before the floor existed.
 */
class FlowLifecycleTest {

    private static final Duration BUDGET = Duration.ofSeconds(10);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static CamundaEngineBuilder.EmbeddedEngine embedded;
    private static CamundaWorkflowEngine engine;

    @BeforeAll
    static void startEngine() {
        embedded = TestEngines.build(TestEngines.memoryPool(10), EngineSettings.defaults()
                .withName("lifecycle-" + UUID.randomUUID()).withTimerFloor(Duration.ZERO));
        engine = (CamundaWorkflowEngine) embedded.workflowEngine();
    }

    @AfterAll
    static void stopEngine() {
        embedded.close();
    }

    @Test
    void aSuspendedVersionRefusesStartsWhileItsRunningInstancesGoOn() {
        String flow = deploy(approval("suspend-" + UUID.randomUUID()));
        FlowInstance running = engine.start(start(flow), BUDGET);

        FlowSummary suspended = engine.suspend(flow, 1);

        assertThat(suspended.suspended()).isTrue();
        FlowSuspended refused = catchThrowableOfType(FlowSuspended.class, () -> engine.start(start(flow), BUDGET));
        assertThat(refused).as("a start of a suspended version must be refused").isNotNull();
        assertThat(refused.flowKey()).isEqualTo(flow);
        assertThat(refused.version()).isEqualTo(1);
        assertThat(catchThrowableOfType(FlowSuspended.class, () -> engine.startCommitted(start(flow), BUDGET)))
                .isNotNull();
        assertThat(catchThrowableOfType(FlowSuspended.class, () -> engine.startOnce(
                new ReceivedMessage("orders", UUID.randomUUID().toString()), start(flow)))).isNotNull();
        FlowInstance decided = engine.completeTask(new CompleteTaskRequest(flow, "approve", running.businessKey(),
                Map.of(), null, "max"), BUDGET);
        assertThat(decided.state()).as("the running instance goes on").isEqualTo(InstanceState.COMPLETED);
        assertThat(engine.flows()).filteredOn(f -> f.key().equals(flow)).singleElement()
                .satisfies(f -> assertThat(f.suspended()).isTrue());
    }

    @Test
    void anActivatedVersionStartsAgain() {
        String flow = deploy(approval("activate-" + UUID.randomUUID()));
        engine.suspend(flow, 1);

        FlowSummary active = engine.activate(flow, 1);

        assertThat(active.suspended()).isFalse();
        assertThat(engine.start(start(flow), BUDGET).state()).isEqualTo(InstanceState.WAITING);
        assertThat(engine.activate(flow, 1).suspended()).as("activating twice changes nothing").isFalse();
    }

    @Test
    void suspendingStopsTheTimerStartEventAndActivatingResumesIt() {
        String flow = deploy(ticking("tick-" + UUID.randomUUID(), "R/PT0.1S"));
        awaitInstances(flow, 1);

        engine.suspend(flow, 1);

        // the job executor looks for due jobs every few seconds when idle: no firing in a while proves little
        assertThat(timerStartJobs(flow)).isNotEmpty().allSatisfy(job -> assertThat(job.isSuspended()).isTrue());
        long before = instances(flow);
        engine.activate(flow, 1);
        awaitInstances(flow, before + 1);
        engine.suspend(flow, 1);
    }

    @Test
    void aVersionWithRunningInstancesIsNotUndeployedAndTheRefusalSaysHowMany() {
        String flow = deploy(approval("in-use-" + UUID.randomUUID()));
        engine.start(start(flow), BUDGET);
        engine.start(start(flow), BUDGET);

        FlowVersionInUse refused = catchThrowableOfType(FlowVersionInUse.class, () -> engine.undeploy(flow, 1));

        assertThat(refused.runningInstances()).isEqualTo(2);
        assertThat(refused.getMessage()).contains("2 instance(s)", "version 1", flow);
        assertThat(engine.flows()).extracting(FlowSummary::key).contains(flow);
    }

    @Test
    void undeployingTheLatestVersionMakesThePreviousOneLatestAgain() {
        // a key short enough for Camunda's definition id to carry the version (key:version:uuid), as most are
        String flow = "undeploy-" + UUID.randomUUID().toString().substring(0, 8);
        deploy(approval(flow));
        deploy(approval(flow).replace("name=\"Approval\"", "name=\"Approval v2\""));
        FlowInstance ended = engine.start(start(flow), BUDGET);
        engine.cancel(ended.id(), "done with v2");

        engine.undeploy(flow, 2);

        assertThat(engine.flows()).filteredOn(f -> f.key().equals(flow)).extracting(FlowSummary::version)
                .containsExactly(1);
        assertThat(engine.start(start(flow), BUDGET).flowVersion()).isEqualTo(1);
        assertThat(engine.instance(ended.id())).as("the history of its instances stays")
                .hasValueSatisfying(instance -> assertThat(instance.flowVersion()).isEqualTo(2));
        assertThat(engine.deploy(flow + ".bpmn", bytes(approval(flow).replace("name=\"Approval\"",
                "name=\"Approval v2\""))).created()).as("the same file deploys again").isTrue();
    }

    @Test
    void undeployingATimerVersionBringsBackThePreviousVersionsTimer() {
        String flow = "timers-" + UUID.randomUUID();
        deploy(ticking(flow, "R/PT1H"));
        deploy(ticking(flow, "R/PT2H"));

        engine.undeploy(flow, 2);

        assertThat(timerStartJobs(flow)).singleElement().satisfies(job ->
                assertThat(job.getProcessDefinitionId()).isEqualTo(definitionId(flow, 1)));
    }

    @Test
    void anUnknownVersionIsNotFound() {
        String flow = deploy(approval("unknown-" + UUID.randomUUID()));

        assertThat(catchThrowableOfType(FlowNotFound.class, () -> engine.suspend(flow, 7)))
                .hasMessageContaining("no deployed version 7");
        assertThat(catchThrowableOfType(FlowNotFound.class, () -> engine.undeploy("nothing-" + flow, 1)))
                .isNotNull();
    }

    /**
     * The reproduction of the first redeploy that answered 500: Camunda replaces the old version's timer job while
     * the job executor rewrites it every millisecond.
     */
    @Test
    void redeployingAFlowWhoseTimerStartFiresEveryMillisecondNeverFails() {
        String flow = "runaway-" + UUID.randomUUID();
        deploy(ticking(flow, "R/PT0.001S"));
        awaitInstances(flow, 20);

        List<String> failures = new ArrayList<>();
        for (int i = 2; i <= 11; i++) {
            try {
                engine.deploy(flow + ".bpmn", bytes(ticking(flow, "R/PT0.001S").replace("name=\"Tick\"",
                        "name=\"Tick " + i + "\"")));
                awaitInstances(flow, instances(flow) + 5);
            } catch (RuntimeException e) {
                failures.add(i + ": " + e);
            }
        }
        engine.deploy(flow + ".bpmn", bytes(ticking(flow, "R/PT1H")));

        assertThat(failures).isEmpty();
        assertThat(engine.flows()).filteredOn(f -> f.key().equals(flow)).hasSize(12);
    }

    /** Deploys the file of a flow (named after it, as a designer's file would be) and returns the flow's key. */
    private static String deploy(String xml) {
        String key = xml.replaceFirst("(?s).*<bpmn:process id=\"([^\"]+)\".*", "$1");
        return engine.deploy(key + ".bpmn", bytes(xml)).flows().get(0).key();
    }

    private static StartRequest start(String flow) {
        return new StartRequest(flow, UUID.randomUUID().toString(), Map.of(), null, "cleo");
    }

    private static List<org.camunda.bpm.engine.runtime.Job> timerStartJobs(String flow) {
        return engine.processEngine().getManagementService().createJobQuery().processDefinitionKey(flow).list();
    }

    private static String definitionId(String flow, int version) {
        return engine.flows().stream().filter(f -> f.key().equals(flow) && f.version() == version).findFirst()
                .orElseThrow().definitionId();
    }

    private static long instances(String flow) {
        return engine.processEngine().getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(flow).count();
    }

    private static void awaitInstances(String flow, long atLeast) {
        Eventually.within(PATIENCE, () -> assertThat(instances(flow)).isGreaterThanOrEqualTo(atLeast));
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static String approval(String key) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
                  <bpmn:process id="KEY" name="Approval" isExecutable="true">
                    <bpmn:startEvent id="start" />
                    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="approve" />
                    <bpmn:userTask id="approve" camunda:candidateGroups="managers" />
                    <bpmn:sequenceFlow id="f2" sourceRef="approve" targetRef="end" />
                    <bpmn:endEvent id="end" />
                  </bpmn:process>
                </bpmn:definitions>
                """.replace("KEY", key);
    }

    private static String ticking(String key, String cycle) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
                  <bpmn:process id="KEY" name="Tick" isExecutable="true">
                    <bpmn:startEvent id="tick">
                      <bpmn:timerEventDefinition><bpmn:timeCycle>CYCLE</bpmn:timeCycle></bpmn:timerEventDefinition>
                    </bpmn:startEvent>
                    <bpmn:sequenceFlow id="f" sourceRef="tick" targetRef="end" />
                    <bpmn:endEvent id="end" />
                  </bpmn:process>
                </bpmn:definitions>
                """.replace("KEY", key).replace("CYCLE", cycle);
    }
}
