package io.flowgate.contracts;

import io.flowgate.contracts.internal.DefaultContractRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ContractRegistryTest {

    private static final String ORDERS = Fixtures.read("orders.yaml");
    private static final String KITCHEN = Fixtures.read("registry/kitchen.yaml");

    private static BindingCheck failing(String flowId, String reason) {
        return contract -> contract.operations().stream()
                .filter(op -> op.binding().map(b -> b.flowId().equals(flowId)).orElse(false))
                .map(op -> ContractFinding.of(op, reason)).toList();
    }

    @Test
    void refusesPathsReservedForTheGateway() {
        PublishReport report = Fixtures.registry().check(Fixtures.read("registry/reserved.yaml"), null);
        assertThat(report.findings()).extracting(ContractFinding::path).containsExactlyInAnyOrder(
                "/admin/contracts", "/health", "/api/tasks/{id}", "/ui/index.html", "/auth/login");
        assertThat(report.findings()).allSatisfy(f -> assertThat(f.reason()).contains("is reserved for the gateway"));
    }

    @Test
    void refusesARouteAnotherContractAlreadyServesNamingBoth() {
        DefaultContractRegistry registry = Fixtures.registry();
        registry.publish(ORDERS, null);

        ContractRejected e = catchThrowableOfType(ContractRejected.class, () -> registry.publish(KITCHEN, null));

        assertThat(e.contract()).isEqualTo("kitchen");
        assertThat(e.findings()).singleElement().satisfies(f -> {
            assertThat(f.contract()).isEqualTo("kitchen");
            assertThat(f.path()).isEqualTo("/orders/{orderId}");
            assertThat(f.reason()).contains("already served by contract 'restaurant-orders'")
                    .contains("GET /orders/{id} (orderStatus)");
        });
        assertThat(registry.contract("kitchen")).isEmpty();
        assertThat(registry.match("POST", "/tickets")).isEmpty();
        assertThat(registry.versions("kitchen")).isEmpty();
    }

    @Test
    void republishingTheSameNameReplacesItsOwnRoutes() {
        DefaultContractRegistry registry = Fixtures.registry();
        registry.publish(ORDERS, null);
        String withoutExport = ORDERS.replace("/orders/export:", "/orders/archive:");

        PublishReport second = registry.publish(withoutExport, null);

        assertThat(second.created()).isTrue();
        assertThat(second.contract().version()).isEqualTo(2);
        assertThat(registry.match("GET", "/orders/archive")).get()
                .satisfies(m -> assertThat(m.route().contractVersion()).isEqualTo(2));
        assertThat(registry.match("GET", "/orders/export").orElseThrow().route().operation().operationId())
                .isEqualTo("orderStatus");
    }

    @Test
    void publishingTheSameDocumentAgainKeepsTheVersion() {
        DefaultContractRegistry registry = Fixtures.registry();
        PublishReport first = registry.publish(ORDERS, null);
        PublishReport again = registry.publish(ORDERS, null);

        assertThat(again.created()).isFalse();
        assertThat(again.contract().version()).isEqualTo(1);
        assertThat(again.contract().publishedAt()).isEqualTo(first.contract().publishedAt());
        assertThat(registry.versions("restaurant-orders")).hasSize(1);
    }

    @Test
    void keepsEveryVersionWithItsSource() {
        DefaultContractRegistry registry = Fixtures.registry();
        registry.publish(ORDERS, null);
        String changed = ORDERS.replace("version: \"1.0\"", "version: \"1.1\"");
        registry.publish(changed, null);

        List<ContractVersion> versions = registry.versions("restaurant-orders");
        assertThat(versions).extracting(ContractVersion::version).containsExactly(1, 2);
        assertThat(versions).extracting(ContractVersion::operations).containsOnly(6);
        assertThat(versions.get(0).sha256()).hasSize(64).isNotEqualTo(versions.get(1).sha256());
        assertThat(registry.source("restaurant-orders", 1)).contains(ORDERS);
        assertThat(registry.source("restaurant-orders", 2)).contains(changed);
        assertThat(registry.contract("restaurant-orders").orElseThrow().contract().version()).isEqualTo(2);
    }

    @Test
    void deletingRemovesTheRoutesButKeepsTheHistory() {
        DefaultContractRegistry registry = Fixtures.registry();
        registry.publish(ORDERS, null);

        registry.delete("restaurant-orders");

        assertThat(registry.match("POST", "/orders")).isEmpty();
        assertThat(registry.allowedMethods("/orders")).isEmpty();
        assertThat(registry.contracts()).isEmpty();
        assertThat(registry.versions("restaurant-orders")).hasSize(1);
        assertThatThrownBy(() -> registry.delete("restaurant-orders")).isInstanceOf(ContractNotFound.class);

        PublishReport again = registry.publish(ORDERS, null);
        assertThat(again.created()).isTrue();
        assertThat(again.contract().version()).isEqualTo(2);
        assertThat(registry.match("POST", "/orders")).isPresent();
    }

    @Test
    void deletingAnUnknownContractIsNotFound() {
        assertThatThrownBy(() -> Fixtures.registry().delete("nothing"))
                .isInstanceOf(ContractNotFound.class).hasMessageContaining("'nothing'");
    }

    @Test
    void aFailingBindingCheckBlocksThePublishAndNothingIsStored() {
        DefaultContractRegistry registry = Fixtures.registry(failing("order-process", "flow order-process is not deployed"));

        ContractRejected e = catchThrowableOfType(ContractRejected.class, () -> registry.publish(ORDERS, null));

        assertThat(e.findings()).hasSize(4).allSatisfy(f ->
                assertThat(f.reason()).isEqualTo("flow order-process is not deployed"));
        assertThat(registry.versions("restaurant-orders")).isEmpty();
        assertThat(registry.match("POST", "/orders")).isEmpty();
    }

    @Test
    void aBindingCheckThatThrowsBecomesAFinding() {
        DefaultContractRegistry registry = Fixtures.registry(contract -> {
            throw new IllegalStateException("engine down");
        });
        PublishReport report = registry.check(ORDERS, null);
        assertThat(report.findings()).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("failed: engine down"));
    }

    @Test
    void checkingDoesNotPublish() {
        DefaultContractRegistry registry = Fixtures.registry();
        PublishReport report = registry.check(ORDERS, null);

        assertThat(report.ok()).isTrue();
        assertThat(report.created()).isFalse();
        assertThat(report.contract().publishedAt()).isNull();
        assertThat(registry.match("POST", "/orders")).isEmpty();
        assertThat(registry.versions("restaurant-orders")).isEmpty();
    }

    @Test
    void checkingABrokenDocumentReportsInsteadOfThrowing() {
        PublishReport report = Fixtures.registry().check("not: [valid", "broken");
        assertThat(report.contract()).isNull();
        assertThat(report.findings()).singleElement().satisfies(f -> assertThat(f.contract()).isEqualTo("broken"));
    }

    @Test
    void listsTheOperationsBoundToAFlow() {
        DefaultContractRegistry registry = Fixtures.registry();
        registry.publish(ORDERS, null);
        registry.publish(KITCHEN.replace("/orders/{orderId}:", "/kitchen/{orderId}:"), null);

        assertThat(registry.operationsUsing("order-process")).extracting(Operation::operationId)
                .containsExactlyInAnyOrder("placeOrder", "orderStatus", "cancelOrder", "approveOrder");
        assertThat(registry.operationsUsing("ticket-process")).extracting(Operation::operationId)
                .containsExactly("openTicket");
        assertThat(registry.operationsUsing("nothing")).isEmpty();
    }

    @Test
    void answersWhichMethodsAPathAllows() {
        DefaultContractRegistry registry = Fixtures.registry();
        registry.publish(ORDERS, null);
        assertThat(registry.allowedMethods("/orders")).containsExactly("GET", "POST");
        assertThat(registry.match("DELETE", "/orders")).isEmpty();
    }
}
