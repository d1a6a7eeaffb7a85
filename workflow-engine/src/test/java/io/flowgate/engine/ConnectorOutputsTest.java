package io.flowgate.engine;

import io.flowgate.engine.internal.CamundaWorkflowEngine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectorOutputsTest {

    private static final Duration BUDGET = Duration.ofSeconds(10);
    private final CamundaWorkflowEngine engine = TestEngines.withFixture("ConnectorOutputsTest.outputs.bpmn");

    @Test
    void mapsDeclaredOutputsAgainstTheConnectorResultAndTheProcessVariables() {
        FlowInstance instance = engine.start(new StartRequest("outputs", null, Map.of("bonus", 1,
                "order", Map.of("amount", 4, "source", "web")), null, null), BUDGET);

        assertThat(instance.variables()).containsEntry("total", 9L).containsEntry("priced", Map.of("source", "web"))
                .doesNotContainKeys("amount", "currency", "meta");
    }

    @Test
    void mapsADeclaredOutputTheConnectorLeftOutAsNullInsteadOfFailing() {
        CamundaWorkflowEngine partial = TestEngines.withFixture("ConnectorOutputsTest.partial.bpmn");

        FlowInstance instance = partial.start(new StartRequest("partial-outputs", null, Map.of(), null, null), BUDGET);

        assertThat(instance.state()).isEqualTo(InstanceState.COMPLETED);
        assertThat(instance.variables()).containsEntry("foundVar", "yes").containsEntry("missingVar", null);
    }

    @Test
    void readsJsonVariablesInConditions() {
        FlowInstance big = engine.start(new StartRequest("outputs", null, Map.of("bonus", 0,
                "order", Map.of("amount", 11, "source", "shop")), null, null), BUDGET);
        FlowInstance small = engine.start(new StartRequest("outputs", null, Map.of("bonus", 0,
                "order", Map.of("amount", 3, "source", "shop")), null, null), BUDGET);

        assertThat(big.state()).isEqualTo(InstanceState.WAITING);
        assertThat(big.activities()).extracting(ActivityView::id).containsExactly("review");
        assertThat(small.state()).isEqualTo(InstanceState.COMPLETED);
    }
}
