package io.flowgate.contracts;

import io.flowgate.contracts.internal.DefaultContractRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublishingTest {

    @Test
    void publishesAContractAndServesItsOperationsAtOnce() {
        DefaultContractRegistry registry = Fixtures.registry();
        PublishReport report = registry.publish(Fixtures.read("orders.yaml"), null);

        assertThat(report.findings()).isEmpty();
        assertThat(report.created()).isTrue();
        assertThat(report.contract().name()).isEqualTo("restaurant-orders");
        assertThat(report.contract().version()).isEqualTo(1);
        assertThat(report.unrouted()).extracting(Operation::operationId).containsExactly("listOrders", "exportOrders");
        assertThat(registry.match("POST", "/orders")).isPresent();
    }
}
