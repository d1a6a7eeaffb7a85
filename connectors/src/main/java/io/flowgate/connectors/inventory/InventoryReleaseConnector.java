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
 * {@code inventory.release}: the compensation of {@code inventory.reserve}; held stock becomes available again.
 * Never fails for business reasons, so a compensation handler cannot get stuck: an unknown id, a second release or
 * an expired hold are successes that change nothing, and a confirmed (sold) reservation is left as it is. Only a
 * reservation of the instance's tenant is released; another tenant's answers UNKNOWN and stays held.
 */
@Singleton
public final class InventoryReleaseConnector implements Connector {

    public static final String ID = "inventory.release";

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "Release reservation",
            "Gives a held stock reservation back (compensation). Releasing twice or an unknown id does nothing.",
            List.of(new ConnectorParameter("reservationId", "string", true, "Id from inventory.reserve")),
            List.of(new ConnectorParameter("reservationId", "string", false, "Id of the reservation"),
                    new ConnectorParameter("status", "string", false,
                            "RELEASED, CONFIRMED (a sale is not undone) or UNKNOWN"),
                    new ConnectorParameter("released", "boolean", false, "Whether this call gave stock back")),
            List.of(InventoryErrors.INVALID_INPUT_SPEC), false);

    private final Reservations reservations;

    public InventoryReleaseConnector(Reservations reservations) {
        this.reservations = reservations;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Map<String, Object> execute(ConnectorRequest request) {
        Reservations.Outcome outcome = reservations.release(Inputs.text(request, "reservationId"),
                request.tenantId());
        return Map.of("reservationId", outcome.reservationId(), "status", outcome.status(),
                "released", outcome.changed());
    }
}
