package io.flowgate.connectors.orders;

import io.flowgate.connectors.ConnectorErrorSpec;
import io.flowgate.connectors.inputs.Inputs;

/** The BPMN error codes of the order connectors, with what they mean (shown in the element templates). */
public final class OrderErrors {

    public static final String UNKNOWN_ITEM = "UNKNOWN_ITEM";
    public static final String ORDER_NOT_FOUND = "ORDER_NOT_FOUND";
    public static final String INVALID_TRANSITION = "INVALID_TRANSITION";
    public static final String INVALID_INPUT = Inputs.INVALID_INPUT;

    static final ConnectorErrorSpec UNKNOWN_ITEM_SPEC = new ConnectorErrorSpec(UNKNOWN_ITEM,
            "An item's SKU is not on the store's menu (the message lists them; every item, for a store that does "
                    + "not exist or belongs to another tenant); nothing was created.");
    static final ConnectorErrorSpec ORDER_NOT_FOUND_SPEC = new ConnectorErrorSpec(ORDER_NOT_FOUND,
            "No order of the instance's tenant has this id (another tenant's order is not found either).");
    static final ConnectorErrorSpec INVALID_TRANSITION_SPEC = new ConnectorErrorSpec(INVALID_TRANSITION,
            "The order's current state does not allow moving to the requested state; the order is unchanged.");
    static final ConnectorErrorSpec INVALID_INPUT_SPEC = new ConnectorErrorSpec(INVALID_INPUT,
            "An input is missing or malformed (e.g. a quantity that is not a positive whole number).");

    private OrderErrors() {
    }
}
