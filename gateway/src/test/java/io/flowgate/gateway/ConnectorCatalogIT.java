package io.flowgate.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.flowgate.gateway.GatewayServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Operators and Camunda Modeler read the connector catalogue and its element templates from the admin API. */
class ConnectorCatalogIT {

    /** Camunda's element-templates schema, vendored (with its licence and version) in the connectors module. */
    private static final Path SCHEMA = Path.of("..", "connectors", "src", "test", "resources", "io", "flowgate",
            "connectors", "templates", "element-templates-schema.json");

    private static GatewayServer gateway;

    @BeforeAll
    static void start() {
        gateway = GatewayServer.start();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void listsEveryConnectorWithItsInputsOutputsAndErrors() {
        Reply reply = gateway.get("/admin/connectors");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode connectors = reply.json();
        assertThat(connectors.isArray()).isTrue();
        assertThat(connectors).allSatisfy(connector -> assertThat(connector.has("id") && connector.has("name")
                && connector.path("inputs").isArray() && connector.path("outputs").isArray()
                && connector.path("errors").isArray()).as(connector.toString()).isTrue());
        JsonNode setVariables = byField(connectors, "id", "vars.set");
        assertThat(setVariables.path("openInputs").asBoolean()).isTrue();
        assertThat(setVariables.path("templateId").asText()).isEqualTo("io.flowgate.connector.vars.set");
    }

    @Test
    void servesOneElementTemplateForEveryConnectorThatCamundasSchemaAccepts() throws IOException {
        Reply reply = gateway.get("/admin/connectors/templates");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        JsonNode templates = reply.json();
        List<String> connectorIds = ids(gateway.get("/admin/connectors").json(), "id").stream()
                .map(id -> "io.flowgate.connector." + id).toList();
        assertThat(ids(templates, "id")).containsExactlyElementsOf(connectorIds);
        JsonNode setVariables = byField(templates, "id", "io.flowgate.connector.vars.set");
        assertThat(setVariables.path("scopes").get(0).path("type").asText()).isEqualTo("camunda:Connector");
        assertThat(schemaProblems(templates)).isEmpty();
    }

    @Test
    void aFlowMadeOnlyFromTheTemplatesDeploysAndRuns() throws Exception {
        TemplateModeler modeler = new TemplateModeler(gateway.get("/admin/connectors/templates").json());
        String bpmn = modeler.process("templated-order", List.of(
                new TemplateModeler.Step("io.flowgate.connector.order.create",
                        Map.of("store", "uptown", "customer", "modeler", "items", "${items}")),
                new TemplateModeler.Step("io.flowgate.connector.inventory.reserve",
                        Map.of("store", "uptown", "items", "${items}", "ttl", "PT5M")),
                new TemplateModeler.Step("io.flowgate.connector.inventory.release",
                        Map.of("reservationId", "${reservationId}")),
                new TemplateModeler.Step("io.flowgate.connector.notify",
                        Map.of("channel", "modeler", "subject", "Order ${orderId} tried and put back"))));

        Reply deployed = gateway.post("/admin/flows?file=templated-order.bpmn", "application/xml", bpmn);
        assertThat(deployed.status()).as(deployed + "\n" + bpmn).isEqualTo(201);
        Reply published = gateway.post("/admin/contracts", "application/yaml", TEMPLATED_CONTRACT);
        assertThat(published.status()).as(published.toString()).isEqualTo(201);

        // uptown is a store of the tenant bistro: only its flows order there
        GatewayServer cook = gateway.as(gateway.createUser("catalog-cook", Restaurant.BISTRO, "store-manager"));
        Reply reply = cook.postJson("/templated-orders", "{\"items\":[{\"sku\":\"fries\",\"qty\":2}]}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("orderId").asText()).isNotBlank();
        assertThat(reply.json().path("reservationId").asText()).isNotBlank();
        assertThat(reply.json().path("released").asBoolean()).isTrue();
        assertThat(reply.json().path("notificationId").asText()).isNotBlank();
    }

    private static final String TEMPLATED_CONTRACT = """
            openapi: 3.1.0
            info: {title: Templated orders, version: 1.0.0}
            paths:
              /templated-orders:
                post:
                  operationId: templatedOrder
                  x-flow-id: templated-order
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema:
                          type: object
                          required: [items]
                          properties:
                            items: {type: array, items: {type: object}}
                  responses:
                    '200':
                      description: what the flow did
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              orderId: {type: string}
                              reservationId: {type: string}
                              released: {type: boolean}
                              notificationId: {type: string}
            """;

    @Test
    void refusesAnonymousCallers() {
        assertThat(gateway.anonymous().get("/admin/connectors").status()).isEqualTo(401);
        assertThat(gateway.anonymous().get("/admin/connectors/templates").status()).isEqualTo(401);
    }

    @Test
    void refusesCallersWhoAreNotAdmins() {
        GatewayServer clerk = gateway.as(gateway.createUser("catalog-clerk", null, "customer-service"));

        assertThat(clerk.get("/admin/connectors/templates").status()).isEqualTo(403);
    }

    /** Validated one by one, so a failure names the template. */
    private static List<String> schemaProblems(JsonNode templates) throws IOException {
        assertThat(SCHEMA).as("vendored schema (tests run in the gateway module directory)").exists();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(GatewayServer.JSON.readTree(Files.readString(SCHEMA)));
        List<String> problems = new ArrayList<>();
        for (JsonNode template : templates) {
            for (ValidationMessage message : schema.validate(template)) {
                problems.add(template.path("id").asText() + ": " + message);
            }
        }
        return problems;
    }

    private static List<String> ids(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.path(field).asText()).toList();
    }

    private static JsonNode byField(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false).filter(node -> value.equals(node.path(field).asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + field + " " + value + " in " + array));
    }
}
