package io.flowgate.contracts.validation;

import com.fasterxml.jackson.databind.node.IntNode;
import io.flowgate.contracts.ContractRegistry;
import io.flowgate.contracts.Fixtures;
import io.flowgate.contracts.Fixtures.Request;
import io.flowgate.contracts.RouteMatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RequestValidationTest {

    private static ContractRegistry registry;

    @BeforeAll
    static void publish() {
        registry = Fixtures.registry();
        registry.publish(Fixtures.read("orders.yaml"), null);
        registry.publish(Fixtures.read("validation/parcels-3.1.yaml"), null);
    }

    private static ValidatedRequest validate(Request request) {
        var data = request.build();
        RouteMatch match = registry.match(data.method(), data.path()).orElseThrow();
        return match.route().operation().validator().validate(
                request.pathParameters(match.pathParameters()).build());
    }

    private static RequestInvalid invalid(Request request) {
        return catchThrowableOfType(RequestInvalid.class, () -> validate(request));
    }

    private static Request newOrder(String json) {
        return Request.to("POST", "/orders").json(json);
    }

    @Test
    void acceptsAValidBodyAndParsesIt() {
        ValidatedRequest ok = validate(newOrder("{\"orderId\":\"A-1\",\"items\":[{\"sku\":\"x\",\"qty\":2}]}"));
        assertThat(ok.body().path("items").path(0).path("qty").asInt()).isEqualTo(2);
    }

    @Test
    void reportsEveryBodyViolationWithItsPointer() {
        RequestInvalid e = invalid(newOrder("{\"items\":[{\"sku\":\"x\",\"qty\":0},{\"qty\":\"two\"}]}"));
        assertThat(e.violations()).extracting(Violation::in).containsOnly("body");
        assertThat(e.violations()).extracting(Violation::pointer)
                .contains("", "/items/0/qty", "/items/1/qty", "/items/1");
        assertThat(e.violations()).anySatisfy(v -> assertThat(v.message()).contains("orderId"));
    }

    @Test
    void acceptsNullForANullablePropertyInOpenApi30() {
        validate(newOrder("{\"orderId\":\"A\",\"note\":null,\"items\":[{\"sku\":\"x\",\"qty\":1}]}"));
    }

    @Test
    void refusesAMissingRequiredBody() {
        RequestInvalid e = invalid(Request.to("POST", "/orders"));
        assertThat(e.violations()).containsExactly(new Violation("body", "", "a request body is required"));
    }

    @Test
    void reportsMalformedJsonAtTheBodyRoot() {
        RequestInvalid e = invalid(newOrder("{\"orderId\": "));
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEmpty();
            assertThat(v.message()).startsWith("malformed JSON");
        });
    }

    @Test
    void refusesJsonNestedDeeperThanTheLimit() {
        String deep = "[".repeat(500) + "]".repeat(500);
        RequestInvalid e = invalid(newOrder(deep));
        assertThat(e.violations().get(0).message()).contains("nesting depth");
    }

    @Test
    void refusesAContentTypeTheOperationDoesNotDeclare() {
        assertThatThrownBy(() -> validate(Request.to("POST", "/orders").body("text/plain", "hello")))
                .isInstanceOf(UnsupportedMediaType.class)
                .satisfies(e -> assertThat(((UnsupportedMediaType) e).supported()).containsExactly("application/json"));
    }

    @Test
    void passesNonJsonBodiesThroughAsText() {
        ValidatedRequest ok = validate(Request.to("POST", "/orders/A-1/approve").body("text/plain", "looks fine"));
        assertThat(ok.body().isTextual()).isTrue();
        assertThat(ok.body().asText()).isEqualTo("looks fine");
    }

    @Test
    void readsFormBodiesIntoTypedObjectsAndValidatesThem() {
        String form = "application/x-www-form-urlencoded";
        ValidatedRequest ok = validate(Request.to("POST", "/orders/A-1/approve")
                .body(form, "approved=true&amount=12&labels=a&labels=b%20c"));
        assertThat(ok.body().toString()).isEqualTo("{\"approved\":true,\"amount\":12,\"labels\":[\"a\",\"b c\"]}");

        RequestInvalid e = invalid(Request.to("POST", "/orders/A-1/approve").body(form, "amount=-1"));
        assertThat(e.violations()).extracting(Violation::pointer).containsExactlyInAnyOrder("", "/amount");
    }

    @Test
    void coercesQueryParametersToTheirSchemaTypes() {
        ValidatedRequest ok = validate(Request.to("GET", "/orders").header("X-Tenant", "acme")
                .query("limit", "10").query("urgent", "true"));
        assertThat(ok.query().get("limit")).isEqualTo(IntNode.valueOf(10));
        assertThat(ok.query().get("urgent").asBoolean()).isTrue();
        assertThat(ok.headers().get("x-tenant").asText()).isEqualTo("acme");
    }

    @Test
    void readsRepeatedQueryParametersAsAnArray() {
        ValidatedRequest ok = validate(Request.to("GET", "/orders").header("X-Tenant", "acme")
                .query("tag", "a", "b"));
        assertThat(ok.query().get("tag")).hasSize(2);
        assertThat(ok.query().get("tag").get(1).asText()).isEqualTo("b");
    }

    @Test
    void splitsNonExplodedQueryArraysOnCommasAndCoercesTheItems() {
        ValidatedRequest ok = validate(Request.to("GET", "/orders").header("X-Tenant", "acme")
                .query("ids", "1,2,3"));
        assertThat(ok.query().get("ids").get(2)).isEqualTo(IntNode.valueOf(3));
    }

    @Test
    void reportsEveryParameterViolationWithItsName() {
        RequestInvalid e = invalid(Request.to("GET", "/orders").query("limit", "500").query("urgent", "maybe")
                .query("ids", "1,x"));
        assertThat(e.violations()).extracting(Violation::in, Violation::pointer).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("query", "/limit"),
                org.assertj.core.groups.Tuple.tuple("query", "/ids/1"),
                org.assertj.core.groups.Tuple.tuple("query", "/urgent"),
                org.assertj.core.groups.Tuple.tuple("header", "/X-Tenant"));
        assertThat(e.violations()).filteredOn(v -> v.in().equals("header")).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("required header parameter 'X-Tenant' is missing"));
    }

    @Test
    void validatesHeaderValues() {
        RequestInvalid e = invalid(Request.to("GET", "/orders").header("x-tenant", "a"));
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.in()).isEqualTo("header");
            assertThat(v.pointer()).isEqualTo("/X-Tenant");
        });
    }

    @Test
    void allowsUnknownQueryParameters() {
        validate(Request.to("GET", "/orders").header("X-Tenant", "acme").query("debug", "1"));
    }

    @Test
    void validatesPathParameters() {
        RequestInvalid e = invalid(Request.to("POST", "/orders/a%20b/cancel").json("{}"));
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.in()).isEqualTo("path");
            assertThat(v.pointer()).isEqualTo("/orderId");
        });
    }

    @Test
    void coercesPathParametersAndAcceptsTypeArraysInOpenApi31() {
        ValidatedRequest ok = validate(Request.to("PUT", "/parcels/42").query("weight", "1.5")
                .json("{\"label\":\"box\",\"note\":null,\"dims\":[1,2]}"));
        assertThat(ok.path().get("id")).isEqualTo(IntNode.valueOf(42));
        assertThat(ok.query().get("weight").decimalValue()).isEqualByComparingTo("1.5");
    }

    @Test
    void reportsOpenApi31ViolationsToo() {
        RequestInvalid e = invalid(Request.to("PUT", "/parcels/x")
                .json("{\"note\":5,\"dims\":[1,\"a\"]}"));
        assertThat(e.violations()).extracting(Violation::in, Violation::pointer).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("path", "/id"),
                org.assertj.core.groups.Tuple.tuple("body", ""),
                org.assertj.core.groups.Tuple.tuple("body", "/note"),
                org.assertj.core.groups.Tuple.tuple("body", "/dims/1"));
    }
}
