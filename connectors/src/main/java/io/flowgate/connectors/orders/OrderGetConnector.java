package io.flowgate.connectors.orders;

import io.flowgate.connectors.Connector;
import io.flowgate.connectors.ConnectorBusinessError;
import io.flowgate.connectors.ConnectorDescriptor;
import io.flowgate.connectors.ConnectorParameter;
import io.flowgate.connectors.ConnectorRequest;
import io.flowgate.connectors.inputs.Inputs;
import io.flowgate.connectors.orders.internal.OrderStore;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code order.get}: reads an order of the instance's tenant with its lines (another tenant's order is
 * {@code ORDER_NOT_FOUND}, as an unknown one). No side effect, so repeating it is harmless.
 */
@Singleton
public final class OrderGetConnector implements Connector {

    public static final String ID = "order.get";

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "Get order",
            "Reads an order with its lines.",
            List.of(new ConnectorParameter("orderId", "string", true, "Id of the order; only an order of the "
                            + "instance's tenant is found"),
                    new ConnectorParameter("customer", "string", false, "When set, only this customer's order is "
                            + "found: another customer's order answers ORDER_NOT_FOUND, as an unknown one does, so "
                            + "its existence is not revealed")),
            List.of(new ConnectorParameter("order", "object", false, "The order: {orderId, store, customer, state, "
                            + "total, totalMinor, currency, version, createdAt, updatedAt, lines: [{sku, name, qty, "
                            + "unitPrice, lineTotal}]}"),
                    new ConnectorParameter("state", "string", false, "The order's current state")),
            List.of(OrderErrors.ORDER_NOT_FOUND_SPEC, OrderErrors.INVALID_INPUT_SPEC), false);

    private final OrderStore store;

    public OrderGetConnector(OrderStore store) {
        this.store = store;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Map<String, Object> execute(ConnectorRequest request) {
        String orderId = Inputs.text(request, "orderId");
        Optional<String> customer = Inputs.optionalText(request, "customer", Integer.MAX_VALUE);
        Order order = store.find(orderId, request.tenantId())
                .filter(found -> customer.isEmpty() || customer.get().equals(found.customer()))
                .orElseThrow(() -> new ConnectorBusinessError(OrderErrors.ORDER_NOT_FOUND, "no order " + orderId));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("order", order.toOutput());
        out.put("state", order.state().name());
        return out;
    }
}
