package io.flowgate.contracts.internal.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.contracts.ContractDiff;
import io.flowgate.contracts.ContractDiff.Change;
import io.flowgate.contracts.ContractDiff.OperationRef;
import io.flowgate.contracts.internal.load.SafeDocumentReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Rows of one operation before and after a change, and the one change the diff must report. Each operation is the
 * {@code POST /orders/{id}} of a small contract whose request body is the {@code Order} schema below.
 */
class ContractDifferTest {

    private static final String ID = "- {name: id, in: path, required: true, schema: {type: string}}";
    private static final String LIMIT = "- {name: limit, in: query, schema: {type: integer}}";
    private static final String LIMIT_REQUIRED = "- {name: limit, in: query, required: true, schema: {type: integer}}";
    private static final String ORDER = "{type: object, required: [sku], properties: {sku: {type: string}, "
            + "qty: {type: integer}, customer: {type: object, properties: {name: {type: string}}}}}";

    static Stream<Arguments> changes() {
        return Stream.of(
                row("new required query parameter", op(), op().parameter(LIMIT_REQUIRED),
                        "parameters.query.limit", null, "required", true),
                row("new optional query parameter", op(), op().parameter(LIMIT),
                        "parameters.query.limit", null, "optional", false),
                row("parameter became required", op().parameter(LIMIT), op().parameter(LIMIT_REQUIRED),
                        "parameters.query.limit.required", false, true, true),
                row("parameter became optional", op().parameter(LIMIT_REQUIRED), op().parameter(LIMIT),
                        "parameters.query.limit.required", true, false, false),
                row("parameter type changed", op().parameter(LIMIT),
                        op().parameter("- {name: limit, in: query, schema: {type: string}}"),
                        "parameters.query.limit.type", "integer", "string", true),
                row("parameter removed", op().parameter(LIMIT), op(),
                        "parameters.query.limit", "optional", null, false),
                row("new required body property", op(), op().order(ORDER.replace("[sku]", "[sku, note]")
                                .replace("qty:", "note: {type: string}, qty:")),
                        "requestBody.note", null, "required", true),
                row("new optional body property", op(), op().order(ORDER.replace("qty:", "note: {type: string}, qty:")),
                        "requestBody.note", null, "optional", false),
                row("body property became required", op(), op().order(ORDER.replace("[sku]", "[sku, qty]")),
                        "requestBody.qty.required", false, true, true),
                row("body property type changed", op(), op().order(ORDER.replace("qty: {type: integer}",
                                "qty: {type: string}")),
                        "requestBody.qty.type", "integer", "string", true),
                row("new required nested property", op(), op().order(ORDER.replace("{type: object, properties: "
                                + "{name:", "{type: object, required: [email], properties: {email: {type: string}, name:")),
                        "requestBody.customer.email", null, "required", true),
                row("body property removed from an open schema", op(), op().order(ORDER.replace(
                                "qty: {type: integer}, ", "")),
                        "requestBody.qty", "optional", null, false),
                row("body property removed from a closed schema", op().order(ORDER.replace("{type: object, required",
                                "{type: object, additionalProperties: false, required")),
                        op().order(ORDER.replace("{type: object, required", "{type: object, additionalProperties: "
                                + "false, required").replace("qty: {type: integer}, ", "")),
                        "requestBody.qty", "optional", null, true),
                row("body became required", op().bodyRequired(false), op(),
                        "requestBody.required", false, true, true),
                row("success response removed", op().response("'201': {description: created}"), op(),
                        "responses.201", "201", null, true),
                row("success response added", op(), op().response("'201': {description: created}"),
                        "responses.201", null, "201", false),
                row("roles required where none were", op(), op().extension("x-required-roles: [manager]"),
                        "x-required-roles", List.of(), List.of("manager"), true),
                row("a role added to the list", op().extension("x-required-roles: [manager]"),
                        op().extension("x-required-roles: [manager, finance]"),
                        "x-required-roles", List.of("manager"), List.of("finance", "manager"), false),
                row("a role dropped from the list", op().extension("x-required-roles: [manager, finance]"),
                        op().extension("x-required-roles: [manager]"),
                        "x-required-roles", List.of("finance", "manager"), List.of("manager"), true),
                row("roles no longer required", op().extension("x-required-roles: [manager]"), op(),
                        "x-required-roles", List.of("manager"), List.of(), false),
                row("no longer public", op().extension("x-public: true"), op(), "x-public", true, false, true),
                row("flow changed", op().extension("x-flow-id: orders"), op().extension("x-flow-id: orders-v2"),
                        "x-flow-id", "orders", "orders-v2", true),
                row("flow bound", op(), op().extension("x-flow-id: orders"), "x-flow-id", null, "orders", false),
                row("flow unbound", op().extension("x-flow-id: orders"), op(), "x-flow-id", "orders", null, true),
                row("sync became async", op().extension("x-flow-id: orders"),
                        op().extension("x-flow-id: orders").extension("x-flow-mode: async"),
                        "x-flow-mode", "sync", "async", true),
                row("action changed", op().extension("x-flow-id: orders"),
                        op().extension("x-flow-id: orders").extension("x-flow-action: correlate"),
                        "x-flow-action", "start", "correlate", true),
                row("unrouted became a mock", op(), op().extension("x-flow-action: mock"),
                        "x-flow-action", null, "mock", false),
                row("mock became unrouted", op().extension("x-flow-action: mock"), op(),
                        "x-flow-action", "mock", null, true),
                row("flow replaced a mock", op().extension("x-flow-action: mock"), op().extension("x-flow-id: orders"),
                        "x-flow-id", null, "orders", false),
                row("mock replaced a flow", op().extension("x-flow-id: orders"), op().extension("x-flow-action: mock"),
                        "x-flow-id", "orders", null, true),
                row("rate limit changed", op().extension("x-rate-limit: {limit: 10, window: 60s}"),
                        op().extension("x-rate-limit: {limit: 20, window: 1m}"), "x-rate-limit",
                        Map.of("limit", 10, "window", "1m", "key", "principal"),
                        Map.of("limit", 20, "window", "1m", "key", "principal"), false),
                row("path variable renamed", op(), op().path("/orders/{orderId}").replaceId("orderId"),
                        "path", "/orders/{id}", "/orders/{orderId}", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void reportsTheChange(String rule, Op before, Op after, String field, Object from, Object to,
                          boolean breaking) {
        ContractDiff diff = diff(before.document(), after.document());

        assertThat(diff.changed()).singleElement().satisfies(operation -> assertThat(operation.changes())
                .extracting(Change::field, Change::from, Change::to, Change::breaking)
                .containsExactly(tuple(field, from, to, breaking)));
        assertThat(diff.breaking()).isEqualTo(breaking);
        assertThat(diff.added()).isEmpty();
        assertThat(diff.removed()).isEmpty();
    }

    @Test
    void ignoresDescriptionsAndSummaries() {
        Op described = op().extension("summary: Update an order").extension("description: Changes the quantity");

        ContractDiff diff = diff(op().document(), described.document());

        assertThat(diff.changed()).isEmpty();
        assertThat(diff.breaking()).isFalse();
    }

    @Test
    void aRemovedOperationBreaksAnAddedOneDoesNot() {
        String orders = op().document();
        String withGet = orders + "    get:\n      operationId: readOrder\n      parameters:\n        " + ID
                + "\n      responses:\n        '200': {description: ok}\n";

        ContractDiff added = diff(orders, withGet);
        ContractDiff removed = diff(withGet, orders);

        assertThat(added.added()).containsExactly(new OperationRef("GET", "/orders/{id}", "readOrder"));
        assertThat(added.breaking()).isFalse();
        assertThat(removed.removed()).containsExactly(new OperationRef("GET", "/orders/{id}", "readOrder"));
        assertThat(removed.breaking()).isTrue();
    }

    @Test
    void followsReferencesAndStopsAtARecursiveSchema() {
        String recursive = "{type: object, properties: {sku: {type: string}, parent: {$ref: '#/components/schemas"
                + "/Order'}, children: {type: array, items: {$ref: '#/components/schemas/Order'}}}}";
        Op before = op().order(recursive);
        Op after = op().order(recursive.replace("sku: {type: string}", "sku: {type: integer}"));

        ContractDiff diff = diff(before.document(), after.document());

        assertThat(diff.changed()).singleElement().satisfies(operation -> assertThat(operation.changes())
                .extracting(Change::field).containsExactly("requestBody.sku.type"));
    }

    @Test
    void comparingAVersionWithItselfFindsNothing() {
        String document = op().parameter(LIMIT).extension("x-flow-id: orders").document();

        ContractDiff diff = diff(document, document);

        assertThat(diff.added()).isEmpty();
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.changed()).isEmpty();
        assertThat(diff.breaking()).isFalse();
    }

    private static ContractDiff diff(String before, String after) {
        SafeDocumentReader reader = new SafeDocumentReader();
        JsonNode was = reader.read(before);
        JsonNode now = reader.read(after);
        return new ContractDiffer().diff("orders", 1, was, 2, now);
    }

    private static Arguments row(String rule, Op before, Op after, String field, Object from, Object to,
                                 boolean breaking) {
        return arguments(rule, before, after, field, from, to, breaking);
    }

    private static Op op() {
        return new Op("/orders/{id}", ID, List.of(), ORDER, true, List.of("'200': {description: ok}"), List.of());
    }

    /** One operation and the document around it, built up a change at a time. */
    record Op(String path, String id, List<String> parameters, String order, boolean bodyRequired,
              List<String> responses, List<String> extensions) {

        Op parameter(String parameter) {
            return new Op(path, id, plus(parameters, parameter), order, bodyRequired, responses, extensions);
        }

        Op order(String schema) {
            return new Op(path, id, parameters, schema, bodyRequired, responses, extensions);
        }

        Op bodyRequired(boolean required) {
            return new Op(path, id, parameters, order, required, responses, extensions);
        }

        Op response(String response) {
            return new Op(path, id, parameters, order, bodyRequired, plus(responses, response), extensions);
        }

        Op extension(String line) {
            return new Op(path, id, parameters, order, bodyRequired, responses, plus(extensions, line));
        }

        Op path(String newPath) {
            return new Op(newPath, id, parameters, order, bodyRequired, responses, extensions);
        }

        Op replaceId(String name) {
            return new Op(path, id.replace("name: id", "name: " + name), parameters, order, bodyRequired, responses,
                    extensions);
        }

        String document() {
            StringBuilder yaml = new StringBuilder("openapi: 3.0.3\ninfo: {title: orders, version: '1'}\n"
                    + "components:\n  schemas:\n    Order: " + order + "\npaths:\n  " + path + ":\n    post:\n"
                    + "      operationId: updateOrder\n");
            extensions.forEach(line -> yaml.append("      ").append(line).append('\n'));
            yaml.append("      parameters:\n        ").append(id).append('\n');
            parameters.forEach(parameter -> yaml.append("        ").append(parameter).append('\n'));
            yaml.append("      requestBody:\n        required: ").append(bodyRequired).append('\n')
                    .append("        content:\n          application/json:\n            schema: "
                            + "{$ref: '#/components/schemas/Order'}\n      responses:\n");
            responses.forEach(response -> yaml.append("        ").append(response).append('\n'));
            return yaml.toString();
        }

        private static List<String> plus(List<String> list, String item) {
            return Stream.concat(list.stream(), Stream.of(item)).toList();
        }

        @Override
        public String toString() {
            return path;
        }
    }
}
