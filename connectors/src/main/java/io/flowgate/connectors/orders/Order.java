package io.flowgate.connectors.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An order as stored. Amounts are in minor units (cents) of {@code currency}.
 *
 * @param tenant the tenant of the flow that created it (null: none); only flows of that tenant find it
 */
public record Order(String id, String tenant, String store, String customer, OrderState state, long totalMinor,
                    String currency, long version, long createdAt, long updatedAt, List<OrderLine> lines) {

    public Order {
        lines = List.copyOf(lines);
    }

    /** The order as a JSON-like value for a flow variable. */
    public Map<String, Object> toOutput() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("orderId", id);
        out.put("store", store);
        out.put("customer", customer);
        out.put("state", state.name());
        out.put("total", major(totalMinor));
        out.put("totalMinor", totalMinor);
        out.put("currency", currency);
        out.put("version", version);
        out.put("createdAt", Instant.ofEpochMilli(createdAt).toString());
        out.put("updatedAt", Instant.ofEpochMilli(updatedAt).toString());
        out.put("lines", lines.stream().map(OrderLine::toOutput).toList());
        return out;
    }

    /** Minor units as a decimal amount; every menu currency has two decimals. */
    static BigDecimal major(long minor) {
        return BigDecimal.valueOf(minor, 2);
    }
}
