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
 * {@code inventory.transfer}: moves stock on hand between two stores of the instance's tenant atomically, once per
 * (instance, task). A source that is not the tenant's has nothing available ({@code OUT_OF_STOCK}, as a store that
 * does not exist); a destination that is not the tenant's is {@code INVALID_INPUT}.
 */
@Singleton
public final class InventoryTransferConnector implements Connector {

    public static final String ID = "inventory.transfer";

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "Transfer stock",
            "Moves a quantity of one SKU from one store's available stock to another store, both sides or neither.",
            List.of(new ConnectorParameter("from", "string", true, "Store the stock leaves"),
                    new ConnectorParameter("to", "string", true, "Store the stock arrives at"),
                    new ConnectorParameter("sku", "string", true, "SKU to move"),
                    new ConnectorParameter("qty", "integer", true, "Quantity, a positive whole number")),
            List.of(new ConnectorParameter("sku", "string", false, "SKU moved"),
                    new ConnectorParameter("qty", "integer", false, "Quantity moved"),
                    new ConnectorParameter("fromOnHand", "integer", false, "Stock on hand left at the source"),
                    new ConnectorParameter("toOnHand", "integer", false, "Stock on hand at the destination")),
            List.of(InventoryErrors.OUT_OF_STOCK_SPEC, InventoryErrors.INVALID_INPUT_SPEC), false);

    private final StockMoves moves;

    public InventoryTransferConnector(StockMoves moves) {
        this.moves = moves;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Map<String, Object> execute(ConnectorRequest request) {
        String from = Inputs.text(request, "from");
        String to = Inputs.text(request, "to");
        if (from.equals(to)) {
            throw Inputs.invalid("'from' and 'to' are the same store: " + from);
        }
        return moves.transfer(request.idempotencyKey(), from, to, Inputs.text(request, "sku"),
                Inputs.positive(request, "qty"), request.tenantId());
    }
}
