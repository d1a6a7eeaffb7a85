package io.flowgate.connectors.inventory;

import io.flowgate.connectors.ConnectorErrorSpec;
import io.flowgate.connectors.inputs.Inputs;

/** The BPMN error codes of the inventory connectors, with what they mean (shown in the element templates). */
public final class InventoryErrors {

    public static final String OUT_OF_STOCK = "OUT_OF_STOCK";
    public static final String INVALID_ADJUSTMENT = "INVALID_ADJUSTMENT";
    public static final String RESERVATION_NOT_FOUND = "RESERVATION_NOT_FOUND";
    public static final String RESERVATION_RELEASED = "RESERVATION_RELEASED";
    public static final String RESERVATION_EXPIRED = "RESERVATION_EXPIRED";
    public static final String INVALID_INPUT = Inputs.INVALID_INPUT;

    static final ConnectorErrorSpec OUT_OF_STOCK_SPEC = new ConnectorErrorSpec(OUT_OF_STOCK,
            "Not enough available stock (the message lists the SKUs); nothing was reserved or moved.");
    static final ConnectorErrorSpec INVALID_ADJUSTMENT_SPEC = new ConnectorErrorSpec(INVALID_ADJUSTMENT,
            "The adjustment would take stock on hand below zero or below what is reserved; nothing changed.");
    static final ConnectorErrorSpec RESERVATION_NOT_FOUND_SPEC = new ConnectorErrorSpec(RESERVATION_NOT_FOUND,
            "No reservation has this id.");
    static final ConnectorErrorSpec RESERVATION_RELEASED_SPEC = new ConnectorErrorSpec(RESERVATION_RELEASED,
            "The reservation was released (compensated or expired earlier) and can no longer be confirmed.");
    static final ConnectorErrorSpec RESERVATION_EXPIRED_SPEC = new ConnectorErrorSpec(RESERVATION_EXPIRED,
            "The reservation expired before it was confirmed; its stock has been released.");
    static final ConnectorErrorSpec INVALID_INPUT_SPEC = new ConnectorErrorSpec(INVALID_INPUT,
            "An input is missing or malformed (e.g. a quantity that is not a positive whole number).");

    private InventoryErrors() {
    }
}
