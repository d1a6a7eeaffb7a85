package io.flowgate.connectors.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.flowgate.connectors.ConnectorDescriptor;
import io.flowgate.connectors.ConnectorParameter;
import io.flowgate.connectors.ConnectorRegistry;
import io.flowgate.connectors.builtin.SetVariablesConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElementTemplatesTest {

    /**
     * The built-in connector and one with every kind of metadata. The domain connectors need a database and
     * settings to be built; ConnectorCatalogIT validates the templates of every connector the real gateway runs.
     */
    private static final ConnectorRegistry REGISTRY = new ConnectorRegistry(List.of(new SetVariablesConnector(),
            new ReserveTestConnector()));

    static List<ConnectorDescriptor> everyConnector() {
        return REGISTRY.descriptors();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyConnector")
    void everyTemplateIsValidAgainstCamundasSchema(ConnectorDescriptor descriptor) {
        ObjectNode template = ElementTemplates.template(descriptor);

        assertThat(TemplateSchema.problems(template)).as(template.toPrettyString()).isEmpty();
        assertThat(template.path("$schema").asText()).isEqualTo(ElementTemplates.SCHEMA_URL);
        assertThat(template.path("id").asText()).isEqualTo("io.flowgate.connector." + descriptor.id());
        assertThat(template.path("version").isInt()).isTrue();
        assertThat(template.path("appliesTo")).containsExactly(TextNode.valueOf("bpmn:ServiceTask"));
    }

    @Test
    void theArrayOfAllTemplatesIsValidAsOneTemplateFile() {
        JsonNode templates = ElementTemplates.templates(REGISTRY.descriptors());

        assertThat(templates).hasSize(REGISTRY.ids().size());
        assertThat(TemplateSchema.problems(templates)).isEmpty();
    }

    @Test
    void theSchemaCatchesBrokenTemplates() {
        ObjectNode booleanInput = ElementTemplates.template(new ReserveTestConnector().descriptor());
        // input parameters may be String, Text, Hidden or Dropdown
        ((ObjectNode) property(connectorScope(booleanInput), "camunda:inputParameter", "sku")).put("type", "Boolean");
        ObjectNode untypedScope = ElementTemplates.template(new ReserveTestConnector().descriptor());
        ((ObjectNode) connectorScope(untypedScope)).remove("type");
        ObjectNode outputWithoutSource = ElementTemplates.template(new ReserveTestConnector().descriptor());
        ((ObjectNode) outputReading(connectorScope(outputWithoutSource), "${expiresAt}").path("binding"))
                .remove("source");

        assertThat(TemplateSchema.problems(booleanInput)).isNotEmpty();
        assertThat(TemplateSchema.problems(untypedScope)).isNotEmpty();
        assertThat(TemplateSchema.problems(outputWithoutSource)).isNotEmpty();
    }

    @Test
    void bindsTheConnectorIdAsAHiddenPropertyOfTheConnectorScope() {
        JsonNode scope = connectorScope(ElementTemplates.template(new ReserveTestConnector().descriptor()));
        JsonNode id = property(scope, "property", "connectorId");

        assertThat(scope.path("type").asText()).isEqualTo("camunda:Connector");
        assertThat(id.path("type").asText()).isEqualTo("Hidden");
        assertThat(id.path("value").asText()).isEqualTo(ReserveTestConnector.ID);
    }

    @Test
    void bindsEachInputToAnInputParameterOfTheConnectorAndMarksRequiredOnes() {
        JsonNode scope = connectorScope(ElementTemplates.template(new ReserveTestConnector().descriptor()));

        JsonNode sku = property(scope, "camunda:inputParameter", "sku");
        JsonNode quantity = property(scope, "camunda:inputParameter", "quantity");
        JsonNode lines = property(scope, "camunda:inputParameter", "lines");
        JsonNode note = property(scope, "camunda:inputParameter", "note");

        assertThat(sku.path("type").asText()).isEqualTo("String");
        assertThat(sku.path("constraints").path("notEmpty").asBoolean()).isTrue();
        assertThat(sku.path("description").asText()).isEqualTo("Article to reserve. Required, string.");
        assertThat(quantity.path("constraints").path("notEmpty").asBoolean()).isTrue();
        assertThat(quantity.path("description").asText()).contains("integer", "${quantity}");
        assertThat(lines.path("type").asText()).isEqualTo("Text");
        assertThat(lines.has("constraints")).isFalse();
        assertThat(note.path("description").asText()).isEqualTo("Optional, string.");
        assertThat(note.has("value")).isFalse();
    }

    @Test
    void mapsEachOutputToAVariableOfTheSameNameByDefault() {
        JsonNode scope = connectorScope(ElementTemplates.template(new ReserveTestConnector().descriptor()));

        JsonNode reservationId = outputReading(scope, "${reservationId}");

        assertThat(reservationId.path("value").asText()).isEqualTo("reservationId");
        assertThat(reservationId.path("type").asText()).isEqualTo("String");
        assertThat(reservationId.path("constraints").path("notEmpty").asBoolean()).isTrue();
        assertThat(outputReading(scope, "${expiresAt}").path("value").asText()).isEqualTo("expiresAt");
    }

    @Test
    void listsTheBusinessErrorsInTheDescription() {
        ObjectNode template = ElementTemplates.template(new ReserveTestConnector().descriptor());

        assertThat(template.path("description").asText()).isEqualTo("Reserves stock for one article. Connector "
                + "'test.reserve'. Business errors (BPMN error codes; catch them with an error boundary event): "
                + "OUT_OF_STOCK — Not enough stock. INVALID_QUANTITY — Quantity is not positive.");
    }

    @Test
    void anOpenInputConnectorGetsATemplateThatSaysAnyInputNameWorks() {
        ObjectNode template = ElementTemplates.template(new SetVariablesConnector().descriptor());
        JsonNode scope = connectorScope(template);

        assertThat(template.path("id").asText()).isEqualTo("io.flowgate.connector.vars.set");
        assertThat(template.path("description").asText()).contains("Any input name works");
        assertThat(template.path("entriesVisible").asBoolean()).isTrue();
        assertThat(scope.path("properties")).hasSize(1);
        assertThat(property(scope, "property", "connectorId").path("value").asText()).isEqualTo("vars.set");
    }

    @Test
    void refusesAnOutputNoExpressionCouldRead() {
        ConnectorDescriptor descriptor = new ConnectorDescriptor("test.odd", "Odd", "odd outputs", List.of(),
                List.of(new ConnectorParameter("reservation-id", "string", false, "dashed")), List.of(), false);

        assertThatThrownBy(() -> ElementTemplates.template(descriptor))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reservation-id").hasMessageContaining("test.odd");
    }

    private static JsonNode connectorScope(JsonNode template) {
        assertThat(template.path("scopes")).hasSize(1);
        return template.path("scopes").get(0);
    }

    private static JsonNode property(JsonNode scope, String bindingType, String name) {
        return properties(scope).filter(p -> bindingType.equals(p.path("binding").path("type").asText())
                        && name.equals(p.path("binding").path("name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + bindingType + " " + name + " in " + scope));
    }

    private static JsonNode outputReading(JsonNode scope, String source) {
        return properties(scope).filter(p -> "camunda:outputParameter".equals(p.path("binding").path("type").asText())
                        && source.equals(p.path("binding").path("source").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no output reading " + source + " in " + scope));
    }

    private static java.util.stream.Stream<JsonNode> properties(JsonNode scope) {
        return StreamSupport.stream(scope.path("properties").spliterator(), false);
    }
}
