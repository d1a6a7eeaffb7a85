package io.flowgate.connectors.orders;

import io.flowgate.connectors.Connector;
import io.flowgate.connectors.ConnectorDescriptor;
import io.flowgate.connectors.ConnectorParameter;
import io.flowgate.connectors.ConnectorRequest;
import io.flowgate.connectors.inputs.Inputs;
import io.flowgate.connectors.orders.internal.OrderStore;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code order.transition}: moves an order to another state if {@link OrderState#TRANSITIONS} allows it. Asking for
 * the state the order is already in, or repeating a call that already moved it, succeeds without change. Only an
 * order of the instance's tenant is moved; another tenant's is {@code ORDER_NOT_FOUND}, as an unknown one. A move to
 * PAID, CANCELLED or REFUNDED emits {@code order.paid}, {@code order.cancelled} or {@code order.refunded} (tenant:
 * the order's).
 */
@Singleton
public final class OrderTransitionConnector implements Connector {

    public static final String ID = "order.transition";

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "Change order state",
            "Moves an order to a new state (CREATED, PAYING, PAID, PREPARING, READY, COMPLETED, CANCELLED, REFUNDED) "
                    + "when its current state allows it.",
            List.of(new ConnectorParameter("orderId", "string", true, "Id of the order"),
                    new ConnectorParameter("to", "string", true, "Target state, one of "
                            + Arrays.toString(OrderState.values()))),
            List.of(new ConnectorParameter("state", "string", false, "The order's state after the call"),
                    new ConnectorParameter("version", "integer", false,
                            "The order's version after the call (bumped by every change)")),
            List.of(OrderErrors.INVALID_TRANSITION_SPEC, OrderErrors.ORDER_NOT_FOUND_SPEC,
                    OrderErrors.INVALID_INPUT_SPEC), false);

    private final OrderStore store;

    public OrderTransitionConnector(OrderStore store) {
        this.store = store;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Map<String, Object> execute(ConnectorRequest request) {
        String orderId = Inputs.text(request, "orderId");
        String target = Inputs.text(request, "to");
        OrderState to = OrderState.parse(target);
        if (to == null) {
            throw Inputs.invalid("'" + target + "' is not an order state; one of "
                    + Arrays.toString(OrderState.values()));
        }
        OrderStore.Transition result = store.transition(orderId, to, request.idempotencyKey(),
                request.tenantId());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", result.state().name());
        out.put("version", result.version());
        return out;
    }
}
