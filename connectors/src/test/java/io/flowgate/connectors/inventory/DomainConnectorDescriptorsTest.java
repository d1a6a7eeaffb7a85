package io.flowgate.connectors.inventory;

import io.flowgate.connectors.Connector;
import io.flowgate.connectors.ConnectorDescriptor;
import io.flowgate.connectors.ConnectorParameter;
import io.flowgate.connectors.orders.OrderCreateConnector;
import io.flowgate.connectors.orders.OrderGetConnector;
import io.flowgate.connectors.orders.OrderTransitionConnector;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the element templates are generated from: every input, output and error typed and described. */
class DomainConnectorDescriptorsTest {

    private static final Set<String> TYPES = Set.of("string", "number", "integer", "boolean", "object", "array");

    @Test
    void describesEveryInputOutputAndErrorOfTheOrderAndInventoryConnectors() {
        try (InventoryFixture inv = new InventoryFixture(2)) {
            List<Connector> connectors = List.of(inv.reserve, inv.confirm, inv.release, inv.transfer, inv.adjust,
                    inv.stock, new OrderCreateConnector(null), new OrderTransitionConnector(null),
                    new OrderGetConnector(null));
            for (Connector connector : connectors) {
                ConnectorDescriptor descriptor = connector.descriptor();
                assertThat(descriptor.name()).as(descriptor.id()).isNotBlank();
                assertThat(descriptor.description()).as(descriptor.id()).isNotBlank();
                assertThat(descriptor.openInputs()).isFalse();
                assertThat(descriptor.inputs()).as(descriptor.id()).isNotEmpty();
                assertThat(descriptor.outputs()).as(descriptor.id()).isNotEmpty();
                for (ConnectorParameter parameter : concat(descriptor.inputs(), descriptor.outputs())) {
                    assertThat(parameter.type()).as(descriptor.id() + "." + parameter.name()).isIn(TYPES);
                    assertThat(parameter.description()).as(descriptor.id() + "." + parameter.name()).isNotBlank();
                }
                assertThat(descriptor.outputs()).noneMatch(ConnectorParameter::required);
                assertThat(descriptor.errors()).as(descriptor.id()).isNotEmpty()
                        .allSatisfy(error -> {
                            assertThat(error.code()).matches("[A-Z_]+");
                            assertThat(error.description()).isNotBlank();
                        });
            }
        }
    }

    private static List<ConnectorParameter> concat(List<ConnectorParameter> a, List<ConnectorParameter> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
