package io.flowgate.engine;

import io.flowgate.engine.internal.CamundaWorkflowEngine;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VariablesTest {

    private static final Duration BUDGET = Duration.ofSeconds(10);
    private final CamundaWorkflowEngine engine = TestEngines.withFixture("StartFlowTest.approval.bpmn");

    @Test
    void roundTripsNestedObjectsAndArrays() {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", "o-1");
        order.put("total", 12.5);
        order.put("express", true);
        order.put("note", null);
        order.put("lines", List.of(Map.of("sku", "A", "qty", 2), Map.of("sku", "B", "qty", 1)));
        FlowInstance instance = start(Map.of("order", order, "tags", List.of("x", 1, false), "count", 3,
                "big", 10_000_000_000L));

        assertThat(instance.variables()).containsEntry("order", order).containsEntry("tags", List.of("x", 1, false))
                .containsEntry("count", 3).containsEntry("big", 10_000_000_000L);
        assertThat(engine.instance(instance.id())).get().extracting(FlowInstance::variables).isEqualTo(
                instance.variables());
    }

    @Test
    void storesObjectsAsReadableJsonNotJavaSerialization() {
        FlowInstance instance = start(Map.of("order", Map.of("total", 5)));

        TypedValue stored = engine.processEngine().getRuntimeService().getVariableTyped(instance.id(), "order",
                false);
        assertThat(stored).isInstanceOfSatisfying(ObjectValue.class, object -> {
            assertThat(object.getSerializationDataFormat()).isEqualTo("application/json");
            assertThat(object.getValueSerialized()).isEqualTo("{\"total\":5}");
            assertThat(object.getObjectTypeName()).isEqualTo("java.util.LinkedHashMap");
        });
    }

    @Test
    void storesTextThatLooksLikeAnExpressionAsText() {
        FlowInstance instance = start(Map.of("comment", "${execution.processEngineServices}"));

        assertThat(instance.variables()).containsEntry("comment", "${execution.processEngineServices}");
        assertThat(engine.processEngine().getRuntimeService().getVariableTyped(instance.id(), "comment")
                .getType().getName()).isEqualTo("string");
    }

    @Test
    void storesLongTextBeyondTheColumnLimit() {
        String longText = "x".repeat(10_000);

        assertThat(start(Map.of("text", longText)).variables()).containsEntry("text", longText);
    }

    private FlowInstance start(Map<String, Object> variables) {
        return engine.start(new StartRequest("approval", null, variables, null, null), BUDGET);
    }
}
