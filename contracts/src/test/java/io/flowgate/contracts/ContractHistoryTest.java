package io.flowgate.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.contracts.internal.DefaultContractRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading stored versions back: the diff between two, and a version's document for the docs view. */
class ContractHistoryTest {

    private static final String V1 = Fixtures.document("refunds", """
              /refunds:
                post:
                  operationId: requestRefund
                  x-required-roles: [clerk]
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Refund'}
                  responses:
                    '201': {description: created}
            components:
              schemas:
                Refund: {type: object, required: [orderId], properties: {orderId: {type: string}}}
            """);
    private static final String V2 = V1.replace("[orderId]", "[orderId, amount]")
            .replace("orderId: {type: string}}", "orderId: {type: string}, amount: {type: integer}}");

    private final DefaultContractRegistry registry = Fixtures.registry();

    @Test
    void diffsTwoStoredVersionsUpToTheNewestByDefault() {
        registry.publish(V1, null);
        registry.publish(V2, null);

        ContractDiff diff = registry.diff("refunds", 1, null);

        assertThat(diff.name()).isEqualTo("refunds");
        assertThat(diff.from()).isEqualTo(1);
        assertThat(diff.to()).isEqualTo(2);
        assertThat(diff.breaking()).isTrue();
        assertThat(diff.changed()).singleElement().satisfies(operation -> {
            assertThat(operation.operation()).isEqualTo(
                    new ContractDiff.OperationRef("POST", "/refunds", "requestRefund"));
            assertThat(operation.changes()).extracting(ContractDiff.Change::field)
                    .containsExactly("requestBody.amount");
        });
        assertThat(registry.diff("refunds", 2, 1).breaking()).isFalse();
    }

    @Test
    void aDeletedContractKeepsItsHistory() {
        registry.publish(V1, null);
        registry.publish(V2, null);
        registry.delete("refunds");

        assertThat(registry.diff("refunds", 1, 2).changed()).hasSize(1);
        assertThat(registry.openApiDocument("refunds", 1).path("info").path("title").asText()).isEqualTo("refunds");
    }

    @Test
    void refusesUnknownContractsAndVersions() {
        registry.publish(V1, null);

        assertThatThrownBy(() -> registry.diff("nothing", 1, null)).isInstanceOf(ContractNotFound.class);
        assertThatThrownBy(() -> registry.diff("refunds", 1, 7))
                .isInstanceOfSatisfying(ContractVersionNotFound.class, missing -> {
                    assertThat(missing.version()).isEqualTo(7);
                    assertThat(missing.code()).isEqualTo("contract-version-not-found");
                });
        assertThatThrownBy(() -> registry.openApiDocument("refunds", 3)).isInstanceOf(ContractVersionNotFound.class);
        assertThatThrownBy(() -> registry.openApiDocument("nothing", null)).isInstanceOf(ContractNotFound.class);
    }

    @Test
    void servesAVersionsDocumentWithItsReferencesInlinedAndExtensionsKept() {
        registry.publish(V1, null);
        registry.publish(V2, null);

        JsonNode newest = registry.openApiDocument("refunds", null);
        JsonNode first = registry.openApiDocument("refunds", 1);

        JsonNode post = newest.at("/paths/~1refunds/post");
        assertThat(post.path("x-required-roles").get(0).asText()).isEqualTo("clerk");
        JsonNode schema = post.at("/requestBody/content/application~1json/schema");
        assertThat(schema.has("$ref")).isFalse();
        assertThat(schema.at("/properties/amount/type").asText()).isEqualTo("integer");
        assertThat(first.at("/components/schemas/Refund/properties").has("amount")).isFalse();
    }
}
