package io.flowgate.connectors.inventory;

import io.flowgate.connectors.Connector;
import io.flowgate.connectors.ConnectorDescriptor;
import io.flowgate.connectors.ConnectorParameter;
import io.flowgate.connectors.ConnectorRequest;
import io.flowgate.connectors.inputs.Inputs;
import io.flowgate.connectors.inventory.internal.Reservations;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * {@code inventory.confirm}: the held stock is sold (on hand and reserved both drop). Confirming a confirmed
 * reservation again changes nothing: the reservation's status is the guard, whatever the key. Only a reservation of
 * the instance's tenant is found; another tenant's is {@code RESERVATION_NOT_FOUND}, as an unknown one.
 */
@Singleton
public final class InventoryConfirmConnector implements Connector {

    public static final String ID = "inventory.confirm";

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "Confirm reservation",
            "Turns a stock reservation into a sale: the held quantities leave stock on hand.",
            List.of(new ConnectorParameter("reservationId", "string", true, "Id from inventory.reserve")),
            List.of(new ConnectorParameter("reservationId", "string", false, "Id of the reservation"),
                    new ConnectorParameter("status", "string", false, "CONFIRMED")),
            List.of(InventoryErrors.RESERVATION_NOT_FOUND_SPEC, InventoryErrors.RESERVATION_RELEASED_SPEC,
                    InventoryErrors.RESERVATION_EXPIRED_SPEC, InventoryErrors.INVALID_INPUT_SPEC), false);

    private final Reservations reservations;

    public InventoryConfirmConnector(Reservations reservations) {
        this.reservations = reservations;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Map<String, Object> execute(ConnectorRequest request) {
        Reservations.Outcome outcome = reservations.confirm(Inputs.text(request, "reservationId"),
                request.idempotencyKey(), request.tenantId());
        return Map.of("reservationId", outcome.reservationId(), "status", outcome.status());
    }
}
