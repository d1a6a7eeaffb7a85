package io.flowgate.connectors.orders;

import java.util.LinkedHashMap;
import java.util.Map;

/** One line of an order, priced from the store's menu when the order was created. */
public record OrderLine(String sku, String name, int qty, long unitPriceMinor) {

    public long totalMinor() {
        return Math.multiplyExact(unitPriceMinor, (long) qty);
    }

    Map<String, Object> toOutput() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sku", sku);
        out.put("name", name);
        out.put("qty", qty);
        out.put("unitPrice", Order.major(unitPriceMinor));
        out.put("lineTotal", Order.major(totalMinor()));
        return out;
    }
}
