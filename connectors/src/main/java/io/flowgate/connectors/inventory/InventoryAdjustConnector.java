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
 * {@code inventory.adjust}: corrects stock on hand (a delivery, a count, waste) in a store of the instance's tenant,
 * with the reason kept in {@code stock_movements}. Once per (instance, task). A store that is not the tenant's
 * (another tenant's, or none) is {@code INVALID_INPUT}; a new SKU of the tenant's store gets its row.
 */
@Singleton
public final class InventoryAdjustConnector implements Connector {

    public static final String ID = "inventory.adjust";

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "Adjust stock",
            "Adds to or removes from a store's stock on hand, never below zero or below what is reserved.",
            List.of(new ConnectorParameter("store", "string", true, "Store id, a store of the instance's tenant"),
                    new ConnectorParameter("sku", "string", true, "SKU to adjust"),
                    new ConnectorParameter("delta", "integer", true,
                            "Whole number added to stock on hand; negative removes"),
                    new ConnectorParameter("reason", "string", true, "Why (delivery, count, waste …), kept with "
                            + "the movement")),
            List.of(new ConnectorParameter("store", "string", false, "Store id"),
                    new ConnectorParameter("sku", "string", false, "SKU adjusted"),
                    new ConnectorParameter("onHand", "integer", false, "Stock on hand after the adjustment"),
                    new ConnectorParameter("reserved", "integer", false, "Stock held by reservations"),
                    new ConnectorParameter("available", "integer", false, "onHand - reserved")),
            List.of(InventoryErrors.INVALID_ADJUSTMENT_SPEC, InventoryErrors.INVALID_INPUT_SPEC), false);

    private final StockMoves moves;

    public InventoryAdjustConnector(StockMoves moves) {
        this.moves = moves;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Map<String, Object> execute(ConnectorRequest request) {
        return moves.adjust(request.idempotencyKey(), Inputs.text(request, "store"), Inputs.text(request, "sku"),
                Inputs.nonZero(request, "delta"), Inputs.text(request, "reason"), request.tenantId());
    }
}
