package io.flowgate.connectors.inventory;

import io.flowgate.connectors.Connector;
import io.flowgate.connectors.ConnectorDescriptor;
import io.flowgate.connectors.ConnectorParameter;
import io.flowgate.connectors.ConnectorRequest;
import io.flowgate.connectors.inputs.Inputs;
import io.flowgate.connectors.inventory.internal.Reservations;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code inventory.reserve}: holds stock for every line or for none, until confirmed, released or expired, in a store
 * of the instance's tenant (another tenant's store has nothing available: {@code OUT_OF_STOCK} for every line, as in
 * a store that does not exist). A re-delivered call (same instance and task) returns the first reservation.
 */
@Singleton
public final class InventoryReserveConnector implements Connector {

    public static final String ID = "inventory.reserve";

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "Reserve stock",
            "Holds stock in a store for all items or none; the hold is released automatically when it expires.",
            List.of(new ConnectorParameter("store", "string", true, "Store id, e.g. downtown"),
                    new ConnectorParameter("items", "array", true,
                            "Items to hold: a list of {sku, qty} with qty a positive whole number"),
                    new ConnectorParameter("ttl", "string", false, "How long to hold: seconds or an ISO-8601 "
                            + "duration such as PT10M (default flowgate.inventory.default-ttl, 15 minutes)")),
            List.of(new ConnectorParameter("reservationId", "string", false, "Id of the reservation"),
                    new ConnectorParameter("expiresAt", "string", false,
                            "When the hold is released unless confirmed (ISO-8601 instant, UTC)"),
                    new ConnectorParameter("status", "string", false, "HELD, or the status a repeated call finds")),
            List.of(InventoryErrors.OUT_OF_STOCK_SPEC, InventoryErrors.INVALID_INPUT_SPEC), false);

    private final Reservations reservations;
    private final InventorySettings settings;

    /** Takes the sweeper so that holds are released wherever they can be made. */
    public InventoryReserveConnector(Reservations reservations, InventorySettings settings,
                                     ReservationSweeper sweeper) {
        this.reservations = reservations;
        this.settings = settings.validate();
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Map<String, Object> execute(ConnectorRequest request) {
        String store = Inputs.text(request, "store");
        List<Inputs.Item> items = Inputs.items(request, "items");
        Duration ttl = Inputs.duration(request, "ttl", settings.getDefaultTtl(), settings.getMaxTtl());
        Reservations.Reservation reservation = reservations.reserve(request.idempotencyKey(), store, items, ttl,
                request.tenantId());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("reservationId", reservation.id());
        out.put("expiresAt", Instant.ofEpochMilli(reservation.expiresAt()).toString());
        out.put("status", reservation.status());
        return out;
    }
}
