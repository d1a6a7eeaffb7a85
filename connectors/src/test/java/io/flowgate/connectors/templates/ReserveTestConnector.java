package io.flowgate.connectors.templates;

import io.flowgate.connectors.Connector;
import io.flowgate.connectors.ConnectorDescriptor;
import io.flowgate.connectors.ConnectorErrorSpec;
import io.flowgate.connectors.ConnectorParameter;
import io.flowgate.connectors.ConnectorRequest;

import java.util.List;
import java.util.Map;

/** A connector with every kind of metadata a template renders: required and optional inputs, outputs, errors. */
final class ReserveTestConnector implements Connector {

    static final String ID = "test.reserve";

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "Reserve stock (test)",
            "Reserves stock for one article",
            List.of(new ConnectorParameter("sku", "string", true, "Article to reserve"),
                    new ConnectorParameter("quantity", "integer", true, "How many units"),
                    new ConnectorParameter("lines", "array", false, "Further order lines"),
                    new ConnectorParameter("note", "string", false, null)),
            List.of(new ConnectorParameter("reservationId", "string", false, "Id of the reservation"),
                    new ConnectorParameter("expiresAt", "string", false, "When the reservation lapses.")),
            List.of(new ConnectorErrorSpec("OUT_OF_STOCK", "Not enough stock."),
                    new ConnectorErrorSpec("INVALID_QUANTITY", "Quantity is not positive")),
            false);

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Map<String, Object> execute(ConnectorRequest request) {
        return Map.of("reservationId", "R-" + request.input("sku"), "expiresAt", "2030-01-01T00:00:00Z");
    }
}
