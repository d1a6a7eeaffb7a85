package io.flowgate.contracts.internal.route;

import io.flowgate.contracts.Operation;
import io.flowgate.contracts.Route;
import io.flowgate.contracts.RouteMatch;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTableTest {

    private static Route route(String method, String path) {
        return new Route(new Operation("c", method, path, method.toLowerCase() + path, null, Optional.empty(),
                null, null, io.flowgate.contracts.OperationPolicy.DEFAULT), 1, Optional.empty());
    }

    private static RouteTable table(Route... routes) {
        RouteTable.Builder builder = new RouteTable.Builder();
        for (Route r : routes) {
            builder.add(r);
        }
        return builder.build();
    }

    private static String matched(RouteTable table, String method, String path) {
        return table.match(method, path).map(m -> m.route().operation().path()).orElse(null);
    }

    @Test
    void prefersLiteralSegmentsOverTemplatedOnes() {
        RouteTable table = table(route("GET", "/refunds/{id}"), route("GET", "/refunds/export"));
        assertThat(matched(table, "GET", "/refunds/export")).isEqualTo("/refunds/export");
        assertThat(matched(table, "GET", "/refunds/r-1")).isEqualTo("/refunds/{id}");
    }

    @Test
    void fallsBackToATemplateWhenTheLiteralPathLacksTheMethod() {
        RouteTable table = table(route("GET", "/refunds/export"), route("DELETE", "/refunds/{id}"));
        assertThat(matched(table, "DELETE", "/refunds/export")).isEqualTo("/refunds/{id}");
    }

    @Test
    void decodesPathParametersOnce() {
        RouteTable table = table(route("GET", "/files/{name}/meta"));
        RouteMatch match = table.match("GET", "/files/a%20b%2Fc%25d+e/meta").orElseThrow();
        assertThat(match.pathParameters()).containsEntry("name", "a b/c%d+e");
    }

    @Test
    void matchesParametersInsideASegment() {
        RouteTable table = table(route("GET", "/reports/{year}-{month}.json"));
        RouteMatch match = table.match("GET", "/reports/2024-05.json").orElseThrow();
        assertThat(match.pathParameters()).containsEntry("year", "2024").containsEntry("month", "05");
    }

    @Test
    void ignoresATrailingSlash() {
        RouteTable table = table(route("GET", "/orders"), route("GET", "/orders/{id}"));
        assertThat(matched(table, "GET", "/orders/")).isEqualTo("/orders");
        assertThat(matched(table, "GET", "/orders/7/")).isEqualTo("/orders/{id}");
    }

    @Test
    void doesNotMatchAnEmptySegmentAsAParameter() {
        RouteTable table = table(route("GET", "/orders/{id}/items"));
        assertThat(table.match("GET", "/orders//items")).isEmpty();
    }

    @Test
    void listsTheMethodsOfAPathForA405() {
        RouteTable table = table(route("GET", "/orders/{id}"), route("DELETE", "/orders/{orderId}"),
                route("POST", "/orders"));
        assertThat(table.match("PUT", "/orders/1")).isEmpty();
        assertThat(table.allowedMethods("/orders/1")).containsExactly("DELETE", "GET");
        assertThat(table.allowedMethods("/nothing")).isEmpty();
    }

    @Test
    void namesParametersAsTheMatchedTemplateDoes() {
        RouteTable table = table(route("GET", "/orders/{id}"), route("DELETE", "/orders/{orderId}"));
        assertThat(table.match("DELETE", "/orders/9").orElseThrow().pathParameters()).containsEntry("orderId", "9");
        assertThat(table.match("GET", "/orders/9").orElseThrow().pathParameters()).containsEntry("id", "9");
    }

    @Test
    void refusesMalformedPercentEncoding() {
        RouteTable table = table(route("GET", "/orders/{id}"));
        assertThat(table.match("GET", "/orders/%zz")).isEmpty();
    }

    @Test
    void shapesIgnoreParameterNames() {
        assertThat(PathTemplate.parse("/orders/{id}").shape()).isEqualTo(PathTemplate.parse("/orders/{orderId}/").shape());
    }
}
