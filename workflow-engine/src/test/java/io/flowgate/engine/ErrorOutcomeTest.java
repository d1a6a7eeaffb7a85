package io.flowgate.engine;

import io.flowgate.engine.internal.CamundaWorkflowEngine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorOutcomeTest {

    private static final Duration BUDGET = Duration.ofSeconds(10);
    private final CamundaWorkflowEngine engine = TestEngines.withFixture("ErrorOutcomeTest.errors.bpmn");

    @Test
    void endsInErrorWhenNobodyCatchesAConnectorsBusinessError() {
        FlowInstance instance = start("uncaughtError");

        assertThat(instance.state()).isEqualTo(InstanceState.ERROR);
        assertThat(instance.error()).contains(new FlowError("OUT_OF_STOCK", "business says no", "u_reserve"));
        assertThat(instance.variables()).doesNotContainKeys("flowgate.error", "flowgate.outcome");
    }

    @Test
    void completesWhenABoundaryEventCatchesTheError() {
        FlowInstance instance = start("caughtError");

        assertThat(instance.state()).isEqualTo(InstanceState.COMPLETED);
        assertThat(instance.error()).isEmpty();
        assertThat(engine.details(instance.id())).get().satisfies(details -> assertThat(details.history())
                .extracting(ActivityRecord::activityId).contains("c_noStock", "c_handled")
                .doesNotContain("c_end"));
    }

    @Test
    void endsInErrorAtAnErrorEndEvent() {
        FlowInstance instance = start("errorEnd");

        assertThat(instance.state()).isEqualTo(InstanceState.ERROR);
        assertThat(instance.error()).get().satisfies(error -> {
            assertThat(error.code()).isEqualTo("OUT_OF_STOCK");
            assertThat(error.activityId()).isEqualTo("e_fail");
        });
    }

    @Test
    void completesWhenAnErrorEndEventInASubprocessIsCaught() {
        assertThat(start("caughtInSubprocess").state()).isEqualTo(InstanceState.COMPLETED);
    }

    @Test
    void listsErrorAndCompletedInstancesApart() {
        String businessKey = TestEngines.uniqueKey();
        FlowInstance failed = engine.start(new StartRequest("uncaughtError", businessKey, Map.of(), null, null),
                BUDGET);

        assertThat(engine.instances(new InstanceQuery(null, InstanceState.ERROR, businessKey, null, 0, 10))
                .items()).extracting(FlowInstance::id).containsExactly(failed.id());
        assertThat(engine.instances(new InstanceQuery(null, InstanceState.COMPLETED, businessKey, null, 0, 10))
                .items()).isEmpty();
    }

    private FlowInstance start(String flowKey) {
        return engine.start(new StartRequest(flowKey, null, Map.of(), null, null), BUDGET);
    }
}
