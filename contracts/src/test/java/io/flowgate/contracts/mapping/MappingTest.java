package io.flowgate.contracts.mapping;

import io.flowgate.contracts.ContractRegistry;
import io.flowgate.contracts.Fixtures;
import io.flowgate.contracts.Fixtures.Request;
import io.flowgate.contracts.Operation;
import io.flowgate.contracts.RouteMatch;
import io.flowgate.contracts.validation.ValidatedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MappingTest {

    private static ContractRegistry registry;

    @BeforeAll
    static void publish() {
        registry = Fixtures.registry();
        registry.publish(Fixtures.read("orders.yaml"), null);
    }

    private static Operation operation(String method, String path) {
        return registry.match(method, path).orElseThrow().route().operation();
    }

    private static Map<String, Object> variables(Request request) {
        var data = request.build();
        RouteMatch match = registry.match(data.method(), data.path()).orElseThrow();
        Operation op = match.route().operation();
        ValidatedRequest validated = op.validator().validate(request.pathParameters(match.pathParameters()).build());
        return op.binding().orElseThrow().variables().variables(validated);
    }

    @Test
    void mapsEveryParameterAndTopLevelBodyPropertyByDefault() {
        Map<String, Object> vars = variables(Request.to("POST", "/orders")
                .json("{\"orderId\":\"A-1\",\"items\":[{\"sku\":\"x\",\"qty\":2}],\"note\":null}"));
        assertThat(vars).containsOnlyKeys("orderId", "items", "note");
        assertThat(vars.get("items")).isEqualTo(List.of(Map.of("sku", "x", "qty", 2)));
        assertThat(vars).containsEntry("note", null);
    }

    @Test
    void mapsExplicitVariablesFromEveryPartOfTheRequest() {
        Map<String, Object> vars = variables(Request.to("POST", "/orders/A-1/cancel")
                .header("X-Tenant", "acme").claim("sub", "alice")
                .json("{\"reason\":\"${jndi:ldap://x}\",\"items\":[{\"sku\":\"s1\"}]}"));
        assertThat(vars).containsEntry("reason", "${jndi:ldap://x}")
                .containsEntry("requestedBy", "alice")
                .containsEntry("firstSku", "s1")
                .containsEntry("tenant", "acme")
                .containsEntry("audit", Map.of("source", "api", "attempt", 1, "urgent", true,
                        "note", "cancel A-1 for ${jndi:ldap://x}"));
    }

    @Test
    void rendersBusinessKeysAndInstanceIdsWithTheSameRequestScope() {
        var data = Request.to("GET", "/orders/inst-42").header("X-Trace", "t-1").build();
        RouteMatch match = registry.match(data.method(), data.path()).orElseThrow();
        Operation op = match.route().operation();
        ValidatedRequest validated = op.validator().validate(Request.to("GET", "/orders/inst-42")
                .pathParameters(match.pathParameters()).header("X-Trace", "t-1").build());

        TemplateScope scope = RequestScope.of(validated);

        assertThat(op.binding().orElseThrow().instance().orElseThrow().render(scope).asText()).isEqualTo("inst-42");
        assertThat(scope.root("header").orElseThrow().path("x-trace").asText()).isEqualTo("t-1");
    }

    @Test
    void leavesAVariableUnsetWhenItsValueIsMissing() {
        Map<String, Object> vars = variables(Request.to("POST", "/orders/A-1/cancel").header("X-Tenant", "acme")
                .json("{}"));
        assertThat(vars).doesNotContainKeys("reason", "requestedBy", "firstSku");
        assertThat(vars).containsKey("audit");
        @SuppressWarnings("unchecked")
        Map<String, Object> audit = (Map<String, Object>) vars.get("audit");
        assertThat(audit).doesNotContainKey("note");
    }

    @Test
    void buildsTheDefaultResponseFromTheSchemaAndVariablesOfTheSameName() {
        MappedResponse response = operation("POST", "/orders").response().render(new ResponseContext(
                "inst-1", "COMPLETED", "A-1", Map.of("orderId", "A-1", "total", new BigDecimal("12.50"),
                "secret", "not in schema"), null, null));
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body().toString())
                .isEqualTo("{\"orderId\":\"A-1\",\"state\":\"COMPLETED\",\"instanceId\":\"inst-1\",\"total\":12.5}");
    }

    @Test
    void prefersAVariableOverTheInstanceForDefaultResponseProperties() {
        MappedResponse response = operation("GET", "/orders/X").response().render(new ResponseContext(
                "inst-1", "WAITING", null, Map.of("orderId", "X", "state", "PLACED"), null, null));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("state").asText()).isEqualTo("PLACED");
    }

    @Test
    void aResponseWithoutSchemaHasNoBody() {
        MappedResponse response = operation("POST", "/orders/A/approve").response().render(new ResponseContext(
                "inst-1", "COMPLETED", null, Map.of("x", 1), null, null));
        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body().isMissingNode()).isTrue();
    }

    @Test
    void buildsAnExplicitResponseFromVariablesAndTheInstance() {
        MappedResponse response = operation("POST", "/orders/A/cancel").response().render(new ResponseContext(
                "inst-9", "WAITING", "A", Map.of("orderId", "A"), null, null));
        assertThat(response.status()).isEqualTo(202);
        assertThat(response.body().toString())
                .isEqualTo("{\"orderId\":\"A\",\"state\":\"WAITING\",\"instance\":\"inst-9\"}");
    }

    @Test
    void takesAWholeBodyFromOneVariable() {
        String doc = Fixtures.document("Whole", "  /quotes:\n    post:\n      x-flow-id: quote\n"
                + "      x-flow-response: { status: 200, body: '{vars.quote}' }\n"
                + "      responses:\n        '200':\n          description: ok\n          content:\n"
                + "            application/json:\n              schema: { type: array, items: { type: integer } }\n");
        Operation op = Fixtures.registry().check(doc, null).contract().operations().get(0);

        MappedResponse response = op.response().render(new ResponseContext("i", "COMPLETED", null,
                Map.of("quote", List.of(1, 2, 3)), null, null));

        assertThat(response.body().toString()).isEqualTo("[1,2,3]");
        assertThatThrownByRendering(op, Map.of("quote", List.of("x")), "/0");
    }

    private static void assertThatThrownByRendering(Operation op, Map<String, Object> vars, String pointer) {
        ResponseContractViolation e = catchThrowableOfType(ResponseContractViolation.class,
                () -> op.response().render(new ResponseContext("i", "COMPLETED", null, vars, null, null)));
        assertThat(e.violations()).extracting(v -> v.pointer()).containsExactly(pointer);
    }

    @Test
    void refusesAResponseThatBreaksTheDeclaredSchemaNamingThePointer() {
        ResponseContractViolation e = catchThrowableOfType(ResponseContractViolation.class,
                () -> operation("POST", "/orders").response().render(new ResponseContext(
                        "inst-1", "EXPLODED", null, Map.of("orderId", 7), null, null)));
        assertThat(e.violations()).extracting(v -> v.pointer()).containsExactlyInAnyOrder("/orderId", "/state");
        assertThat(e.violations()).filteredOn(v -> v.pointer().equals("/state")).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("enum"));
    }

    @Test
    void refusesAnExplicitResponseMissingARequiredProperty() {
        ResponseContractViolation e = catchThrowableOfType(ResponseContractViolation.class,
                () -> operation("POST", "/orders/A/cancel").response().render(new ResponseContext(
                        "inst-1", "WAITING", null, Map.of(), null, null)));
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEmpty();
            assertThat(v.message()).contains("orderId");
        });
    }
}
