package io.flowgate.connectors.orders.internal;

import io.flowgate.connectors.events.Outbox;
import io.flowgate.connectors.events.OutboxEvent;
import io.flowgate.connectors.orders.Order;
import io.flowgate.connectors.orders.OrderState;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The order events ({@code order.paid}, {@code order.cancelled}, {@code order.refunded}), written by the transaction
 * that moves the order, so an event exists exactly when the move committed. Other states are steps of the saga
 * nobody outside needs to hear about.
 */
final class OrderEvents {

    private static final Map<OrderState, String> TYPES = Map.of(
            OrderState.PAID, "order.paid",
            OrderState.CANCELLED, "order.cancelled",
            OrderState.REFUNDED, "order.refunded");

    private OrderEvents() {
    }

    /** Appends the event of a move from {@code before} to {@code to}, if that state has one, in the order's tenant. */
    static void moved(Connection c, Order before, OrderState to, long version) throws SQLException {
        String type = TYPES.get(to);
        if (type == null) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("store", before.store());
        data.put("customer", before.customer());
        data.put("total", BigDecimal.valueOf(before.totalMinor(), 2));
        data.put("totalMinor", before.totalMinor());
        data.put("currency", before.currency());
        data.put("state", to.name());
        data.put("from", before.state().name());
        data.put("version", version);
        Outbox.append(c, OutboxEvent.of(type, before.tenant(), before.id(), data));
    }
}
