package io.flowgate.connectors.inventory;

import io.flowgate.connectors.Connector;
import io.flowgate.connectors.ConnectorDescriptor;
import io.flowgate.connectors.ConnectorParameter;
import io.flowgate.connectors.ConnectorRequest;
import io.flowgate.connectors.inputs.Inputs;
import io.flowgate.connectors.inventory.internal.StockMoves;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * {@code inventory.stock}: reads a store's stock levels (for {@code GET /stores/{id}/stock}). No side effect. A store
 * of another tenant has an empty list, as an unknown store.
 */
@Singleton
public final class InventoryStockConnector implements Connector {

    public static final String ID = "inventory.stock";

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "Read stock",
            "Reads the stock levels of every SKU a store holds.",
            List.of(new ConnectorParameter("store", "string", true, "Store id")),
            List.of(new ConnectorParameter("store", "string", false, "Store id"),
                    new ConnectorParameter("stock", "array", false,
                            "One {store, sku, onHand, reserved, available} per SKU, by SKU; "
                                    + "empty for an unknown store or a store of another tenant")),
            List.of(InventoryErrors.INVALID_INPUT_SPEC), false);

    private final StockMoves moves;

    public InventoryStockConnector(StockMoves moves) {
        this.moves = moves;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Map<String, Object> execute(ConnectorRequest request) {
        String store = Inputs.text(request, "store");
        return Map.of("store", store,
                "stock", moves.levels(store, request.tenantId()).stream().map(StockMoves.StockLevel::toOutput)
                        .toList());
    }
}
