package io.flowgate.connectors.orders;

import io.flowgate.connectors.Connector;
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
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code order.create}: a new order in state CREATED, priced from the store's menu (any total the client sent is
 * ignored), belonging to the instance's tenant. A store of another tenant has no menu for it: every item is
 * {@code UNKNOWN_ITEM}, as at a store that does not exist. A re-delivered call (same instance and task) answers with
 * the order the first call created.
 */
@Singleton
public final class OrderCreateConnector implements Connector {

    public static final String ID = "order.create";
    private static final int MAX_ORDER_ID = 36;
    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9-]+");

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "Create order",
            "Creates an order for a store and customer; the total is computed from the store's menu prices.",
            List.of(new ConnectorParameter("orderId", "string", false, "Id to give the order, up to 36 letters, "
                            + "digits and dashes (e.g. the request id the instance's business key is made of, so "
                            + "callbacks can find the instance by order id); default a new UUID"),
                    new ConnectorParameter("store", "string", true, "Store id, e.g. downtown; a store of the "
                            + "instance's tenant"),
                    new ConnectorParameter("customer", "string", true, "Who ordered: map it from the caller's "
                            + "token (e.g. {claims.sub}), not from the request body, so nobody orders in another's name"),
                    new ConnectorParameter("items", "array", true,
                            "Items ordered: a list of {sku, qty} with qty a positive whole number")),
            List.of(new ConnectorParameter("orderId", "string", false, "Id of the new order"),
                    new ConnectorParameter("total", "number", false, "Order total in the currency's main unit"),
                    new ConnectorParameter("totalMinor", "integer", false, "Order total in minor units (cents)"),
                    new ConnectorParameter("currency", "string", false, "ISO 4217 currency code of the total"),
                    new ConnectorParameter("state", "string", false, "Order state, CREATED for a new order")),
            List.of(OrderErrors.UNKNOWN_ITEM_SPEC, OrderErrors.INVALID_INPUT_SPEC), false);

    private final OrderStore store;

    public OrderCreateConnector(OrderStore store) {
        this.store = store;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Map<String, Object> execute(ConnectorRequest request) {
        Order order = store.create(request.idempotencyKey(), orderId(request), Inputs.text(request, "store"),
                Inputs.text(request, "customer"), Inputs.items(request, "items"), request.tenantId());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("orderId", order.id());
        out.put("total", Order.major(order.totalMinor()));
        out.put("totalMinor", order.totalMinor());
        out.put("currency", order.currency());
        out.put("state", order.state().name());
        return out;
    }

    private static String orderId(ConnectorRequest request) {
        Optional<String> given = Inputs.optionalText(request, "orderId", MAX_ORDER_ID);
        if (given.isPresent() && !ORDER_ID.matcher(given.get()).matches()) {
            throw Inputs.invalid("'orderId' may only hold letters, digits and dashes, was '" + given.get() + "'");
        }
        return given.orElseGet(() -> UUID.randomUUID().toString());
    }
}
