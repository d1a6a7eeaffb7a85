package io.flowgate.engine;

import io.flowgate.engine.internal.CamundaWorkflowEngine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentTest {

    private static final Duration BUDGET = Duration.ofSeconds(20);
    private final CamundaWorkflowEngine engine = TestEngines.withFixture("IncidentTest.flaky.bpmn");

    @Test
    void raisesAnIncidentWhenAnAsynchronousStepKeepsFailingAndRetriesIt() {
        // three attempts fail (Camunda's default retries), the fourth, after the operator's retry, succeeds
        FlowInstance stuck = engine.start(new StartRequest("flaky", null, Map.of("failures", 3), null, null),
                BUDGET);

        assertThat(stuck.state()).isEqualTo(InstanceState.INCIDENT);
        IncidentView incident = engine.incidents().stream().filter(i -> i.instanceId().equals(stuck.id()))
                .findFirst().orElseThrow();
        assertThat(incident.activityId()).isEqualTo("callFlaky");
        assertThat(incident.flowKey()).isEqualTo("flaky");
        assertThat(incident.message()).contains("flaky failure 3");
        assertThat(engine.details(stuck.id())).get().satisfies(details ->
                assertThat(details.incidents()).extracting(IncidentView::id).containsExactly(incident.id()));
        assertThat(engine.instances(new InstanceQuery("flaky", InstanceState.INCIDENT, null, null, 0, 200))
                .items()).extracting(FlowInstance::id).contains(stuck.id());

        engine.retryIncident(incident.id());

        Eventually.within(Duration.ofSeconds(15), () -> assertThat(engine.instance(stuck.id())).get()
                .satisfies(done -> {
                    assertThat(done.state()).isEqualTo(InstanceState.COMPLETED);
                    assertThat(done.variables()).containsEntry("attempts", 4);
                }));
        assertThat(engine.incidents()).noneMatch(i -> i.id().equals(incident.id()));
    }

    @Test
    void refusesToRetryAnUnknownIncident() {
        assertThatThrownBy(() -> engine.retryIncident("nope")).isInstanceOf(IncidentNotFound.class);
    }
}
