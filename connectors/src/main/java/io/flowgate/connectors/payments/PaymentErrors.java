package io.flowgate.connectors.payments;

import io.flowgate.connectors.ConnectorErrorSpec;
import io.flowgate.connectors.inputs.Inputs;

/** The BPMN error codes of the payment connectors, with what they mean (shown in the element templates). */
public final class PaymentErrors {

    public static final String PAYMENT_DECLINED = "PAYMENT_DECLINED";
    public static final String REFUND_REFUSED = "REFUND_REFUSED";
    public static final String INVALID_INPUT = Inputs.INVALID_INPUT;

    static final ConnectorErrorSpec PAYMENT_DECLINED_SPEC = new ConnectorErrorSpec(PAYMENT_DECLINED,
            "The provider declined the payment (card declined, insufficient funds, a charge cancelled before it "
                    + "arrived, ...); the message says why.");
    static final ConnectorErrorSpec REFUND_REFUSED_SPEC = new ConnectorErrorSpec(REFUND_REFUSED,
            "No refund: the payment is not one charged in this tenant (for this order, when given), or the provider "
                    + "refused it (more than captured minus already refunded, a payment that was never captured).");
    static final ConnectorErrorSpec INVALID_INPUT_SPEC = new ConnectorErrorSpec(INVALID_INPUT,
            "An input is missing or malformed (e.g. an amount that is not positive or has more than two decimals, "
                    + "a currency that is not an ISO 4217 code); nothing was sent to the provider.");

    private PaymentErrors() {
    }
}
