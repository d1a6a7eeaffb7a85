package io.flowgate.contracts.internal.load;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RefInlinerTest {

    private final SafeDocumentReader reader = new SafeDocumentReader();

    @Test
    void replacesLocalReferencesWithWhatTheyPointAtAndKeepsExtensions() {
        JsonNode document = reader.read("""
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /orders:
                    post:
                      x-flow-id: orders
                      parameters: [{$ref: '#/components/parameters/Tenant'}]
                      requestBody: {$ref: '#/components/requestBodies/NewOrder'}
                      responses: {'201': {description: created}}
                components:
                  parameters:
                    Tenant: {name: X-Tenant, in: header, schema: {type: string}}
                  requestBodies:
                    NewOrder:
                      content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}
                  schemas:
                    Order: {type: object, x-entity: order, properties: {sku: {type: string}}}
                """);

        JsonNode inlined = RefInliner.inline(document);

        JsonNode post = inlined.at("/paths/~1orders/post");
        assertThat(post.path("x-flow-id").asText()).isEqualTo("orders");
        assertThat(post.at("/parameters/0/name").asText()).isEqualTo("X-Tenant");
        JsonNode schema = post.at("/requestBody/content/application~1json/schema");
        assertThat(schema.at("/properties/sku/type").asText()).isEqualTo("string");
        assertThat(schema.path("x-entity").asText()).isEqualTo("order");
        assertThat(inlined.toString()).doesNotContain("$ref");
        assertThat(inlined.at("/components/schemas/Order")).isEqualTo(document.at("/components/schemas/Order"));
        assertThat(document.toString()).contains("$ref"); // the input is left as it was
    }

    @Test
    void laysMembersBesideAReferenceOverTheCopy() {
        JsonNode document = reader.read("""
                components:
                  schemas:
                    Money: {type: number, description: an amount}
                    Refund: {properties: {amount: {$ref: '#/components/schemas/Money', description: refunded, nullable: true}}}
                """);

        JsonNode amount = RefInliner.inline(document).at("/components/schemas/Refund/properties/amount");

        assertThat(amount.path("type").asText()).isEqualTo("number");
        assertThat(amount.path("description").asText()).isEqualTo("refunded");
        assertThat(amount.path("nullable").asBoolean()).isTrue();
        assertThat(document.at("/components/schemas/Money/description").asText()).isEqualTo("an amount");
    }

    @Test
    void keepsAReferenceBackIntoASchemaBeingExpanded() {
        JsonNode document = reader.read("""
                components:
                  schemas:
                    Node: {type: object, properties: {name: {type: string}, children: {type: array, items: {$ref: '#/components/schemas/Node'}}}}
                    Tree: {properties: {root: {$ref: '#/components/schemas/Node'}}}
                """);

        JsonNode root = RefInliner.inline(document).at("/components/schemas/Tree/properties/root");

        assertThat(root.at("/properties/name/type").asText()).isEqualTo("string");
        assertThat(root.at("/properties/children/items/$ref").asText()).isEqualTo("#/components/schemas/Node");
    }

    @Test
    void staysBoundedWhenReferencesMultiplyTheDocument() {
        StringBuilder yaml = new StringBuilder("components:\n  schemas:\n    S0: {type: string}\n");
        for (int i = 1; i <= 30; i++) {
            yaml.append("    S").append(i).append(": {properties: {a: {$ref: '#/components/schemas/S").append(i - 1)
                    .append("'}, b: {$ref: '#/components/schemas/S").append(i - 1).append("'}}}\n");
        }
        JsonNode document = reader.read(yaml.toString());

        long start = System.nanoTime();
        JsonNode inlined = RefInliner.inline(document);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(inlined.toString().length()).isLessThan(40 * 1024 * 1024);
        assertThat(inlined.toString()).contains("$ref"); // what the budget did not cover stays a reference
        assertThat(elapsedMs).as("elapsed ms").isLessThan(2_000);
    }
}
