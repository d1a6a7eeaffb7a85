package io.flowgate.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.connectors.Connector;
import io.flowgate.connectors.ConnectorBusinessError;
import io.flowgate.connectors.ConnectorDescriptor;
import io.flowgate.connectors.ConnectorErrorSpec;
import io.flowgate.connectors.ConnectorParameter;
import io.flowgate.connectors.ConnectorRegistry;
import io.flowgate.connectors.ConnectorRequest;
import io.flowgate.connectors.builtin.SetVariablesConnector;
import io.flowgate.connectors.templates.ElementTemplates;
import io.flowgate.engine.config.CamundaEngineBuilder;
import io.flowgate.engine.config.EngineSettings;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flow made only from element templates deploys and runs: the service tasks below are written from the templates'
 * bindings the way Camunda Modeler writes them (connector id from the hidden property, one inputParameter per input,
 * one outputParameter per output named by the property's value and reading its {@code source}).
 */
class TemplateBuiltFlowTest {

    private static final Duration BUDGET = Duration.ofSeconds(10);
    private static final Connector RESERVE = new ReserveConnector();

    private static JdbcConnectionPool pool;
    private static CamundaEngineBuilder.EmbeddedEngine embedded;
    private static WorkflowEngine engine;

    @BeforeAll
    static void deployTheTemplatedFlow() {
        pool = TestEngines.memoryPool(4);
        // its own engine: the shared one's registry does not know the connector these templates are made from
        embedded = CamundaEngineBuilder.build(pool, EngineSettings.defaults()
                .withName("templates-" + TestEngines.uniqueKey()).withJobExecutorEnabled(false),
                new ConnectorRegistry(List.of(new SetVariablesConnector(), RESERVE)));
        engine = embedded.workflowEngine();
        engine.deploy("templated.bpmn", flowFromTemplates().getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        embedded.close();
        pool.dispose();
    }

    @Test
    void runsTheTemplatedTasksAndMapsTheOutputsToTheChosenVariables() {
        FlowInstance instance = start(3);

        assertThat(instance.state()).as(instance.toString()).isEqualTo(InstanceState.COMPLETED);
        assertThat(instance.variables()).containsEntry("stage", "reserving")
                .containsEntry("reservationId", "R-SKU-7-3").containsEntry("holdUntil", "2030-01-01T00:00:00Z")
                .doesNotContainKey("expiresAt");
        assertThat(history(instance)).contains("reserved").doesNotContain("soldOut");
    }

    @Test
    void aDocumentedBusinessErrorIsCaughtByTheModelsBoundaryEvent() {
        FlowInstance instance = start(50);

        assertThat(instance.state()).as(instance.toString()).isEqualTo(InstanceState.COMPLETED);
        assertThat(history(instance)).contains("soldOut").doesNotContain("reserved");
        assertThat(instance.variables()).doesNotContainKey("reservationId");
    }

    private static FlowInstance start(int quantity) {
        return engine.start(new StartRequest("templated-reservation", TestEngines.uniqueKey(),
                Map.of("sku", "SKU-7", "quantity", quantity), null, null), BUDGET);
    }

    private static List<String> history(FlowInstance instance) {
        return engine.details(instance.id()).orElseThrow().history().stream().map(ActivityRecord::activityId)
                .toList();
    }

    private static String flowFromTemplates() {
        JsonNode setVariables = ElementTemplates.template(new SetVariablesConnector().descriptor());
        JsonNode reserve = ElementTemplates.template(RESERVE.descriptor());
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="http://flowgate.io/test">
                  <bpmn:error id="outOfStock" name="Out of stock" errorCode="OUT_OF_STOCK"/>
                  <bpmn:process id="templated-reservation" isExecutable="true">
                    <bpmn:startEvent id="start"/>
                    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="mark"/>
                    %s
                    <bpmn:sequenceFlow id="f2" sourceRef="mark" targetRef="reserve"/>
                    %s
                    <bpmn:boundaryEvent id="noStock" attachedToRef="reserve">
                      <bpmn:errorEventDefinition errorRef="outOfStock"/>
                    </bpmn:boundaryEvent>
                    <bpmn:sequenceFlow id="f3" sourceRef="reserve" targetRef="reserved"/>
                    <bpmn:endEvent id="reserved"/>
                    <bpmn:sequenceFlow id="f4" sourceRef="noStock" targetRef="soldOut"/>
                    <bpmn:endEvent id="soldOut"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(
                // vars.set takes inputs of any name: the designer adds one beside the template's fields
                serviceTask("mark", setVariables, Map.of(), Map.of("stage", "reserving")),
                // what a designer types: expressions for the inputs, a new name for one output, the note left empty
                serviceTask("reserve", reserve, Map.of("sku", "${sku}", "quantity", "${quantity}",
                        "${expiresAt}", "holdUntil"), Map.of()));
    }

    /**
     * The service task Camunda Modeler writes for a template: each property of the connector scope becomes the XML
     * its binding names, with the designer's value (by input name or output source) or else the template's default.
     */
    private static String serviceTask(String id, JsonNode template, Map<String, String> values,
                                      Map<String, String> extraInputs) {
        StringBuilder connectorId = new StringBuilder();
        StringBuilder inputs = new StringBuilder();
        StringBuilder outputs = new StringBuilder();
        JsonNode scope = template.path("scopes").get(0);
        assertThat(scope.path("type").asText()).isEqualTo("camunda:Connector");
        for (JsonNode property : scope.path("properties")) {
            JsonNode binding = property.path("binding");
            switch (binding.path("type").asText()) {
                case "property" -> {
                    assertThat(binding.path("name").asText()).isEqualTo("connectorId");
                    connectorId.append(property.path("value").asText());
                }
                case "camunda:inputParameter" -> {
                    String value = values.getOrDefault(binding.path("name").asText(), property.path("value").asText());
                    if (!value.isEmpty()) {
                        inputs.append(parameter("input", binding.path("name").asText(), value));
                    }
                }
                case "camunda:outputParameter" -> outputs.append(parameter("output",
                        values.getOrDefault(binding.path("source").asText(), property.path("value").asText()),
                        binding.path("source").asText()));
                default -> throw new AssertionError("a binding this test cannot write: " + binding);
            }
        }
        extraInputs.forEach((name, value) -> inputs.append(parameter("input", name, value)));
        return """
                <bpmn:serviceTask id="%s" camunda:modelerTemplate="%s" camunda:modelerTemplateVersion="%d">
                  <bpmn:extensionElements>
                    <camunda:connector>
                      <camunda:connectorId>%s</camunda:connectorId>
                      <camunda:inputOutput>%s%s</camunda:inputOutput>
                    </camunda:connector>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>
                """.formatted(id, template.path("id").asText(), template.path("version").asInt(), connectorId,
                inputs, outputs);
    }

    private static String parameter(String kind, String name, String value) {
        return "<camunda:" + kind + "Parameter name=\"" + name + "\">" + value + "</camunda:" + kind + "Parameter>";
    }

    /** Reserves up to 10 units; expects {@code quantity} as a number, which only an expression input delivers. */
    private static final class ReserveConnector implements Connector {

        private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("test.reserve",
                "Reserve stock (test)", "Reserves stock for one article",
                List.of(new ConnectorParameter("sku", "string", true, "Article to reserve"),
                        new ConnectorParameter("quantity", "integer", true, "How many units"),
                        new ConnectorParameter("note", "string", false, "Free text")),
                List.of(new ConnectorParameter("reservationId", "string", false, "Id of the reservation"),
                        new ConnectorParameter("expiresAt", "string", false, "When the reservation lapses")),
                List.of(new ConnectorErrorSpec("OUT_OF_STOCK", "Fewer than the quantity in stock")), false);

        @Override
        public ConnectorDescriptor descriptor() {
            return DESCRIPTOR;
        }

        @Override
        public Map<String, Object> execute(ConnectorRequest request) {
            int quantity = ((Number) request.input("quantity")).intValue();
            if (quantity > 10) {
                throw new ConnectorBusinessError("OUT_OF_STOCK", "only 10 left");
            }
            return Map.of("reservationId", "R-" + request.input("sku") + "-" + quantity,
                    "expiresAt", "2030-01-01T00:00:00Z");
        }
    }
}
