package io.flowgate.connectors.orders;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of an order. The happy path is CREATED → PAYING → PAID → PREPARING → READY → COMPLETED. CANCELLED ends
 * an order before the kitchen starts (unpaid, payment failed, or paid and called off); REFUNDED ends a paid order
 * whose money went back. {@link #TRANSITIONS} is the whole machine; nothing else decides.
 */
public enum OrderState {
    CREATED, PAYING, PAID, PREPARING, READY, COMPLETED, CANCELLED, REFUNDED;

    /** From each state, the states it may move to. CANCELLED and REFUNDED are final. */
    public static final Map<OrderState, Set<OrderState>> TRANSITIONS = Map.of(
            CREATED, EnumSet.of(PAYING, CANCELLED),
            PAYING, EnumSet.of(PAID, CANCELLED),
            PAID, EnumSet.of(PREPARING, CANCELLED, REFUNDED),
            PREPARING, EnumSet.of(READY, REFUNDED),
            READY, EnumSet.of(COMPLETED, REFUNDED),
            COMPLETED, EnumSet.of(REFUNDED),
            CANCELLED, EnumSet.noneOf(OrderState.class),
            REFUNDED, EnumSet.noneOf(OrderState.class));

    public boolean canMoveTo(OrderState next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** The state named {@code name} (case-insensitive), or null when there is none. */
    public static OrderState parse(String name) {
        for (OrderState state : values()) {
            if (state.name().equalsIgnoreCase(name.trim())) {
                return state;
            }
        }
        return null;
    }
}
