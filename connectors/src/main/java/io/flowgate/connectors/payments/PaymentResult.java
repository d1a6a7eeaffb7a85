package io.flowgate.connectors.payments;

import java.math.BigDecimal;

/**
 * A provider's answer about one payment.
 *
 * <p>Waiting for an asynchronous outcome: when {@code status} is {@link PaymentStatus#PENDING}, the provider has
 * assigned {@code paymentId} and will report the final outcome later (a webhook, handled in the gateway). The flow
 * stores {@code paymentId} and waits — an event-based gateway or receive task — for the message
 * {@code PaymentConfirmed} or {@code PaymentFailed} correlated by that id. {@link PaymentProvider#find(String)}
 * answers the current state for a flow that prefers to poll.
 *
 * @param paymentId provider's id, present for every status (a declined payment has an id too)
 * @param status    outcome
 * @param captured  true once the money is captured (a sale that was approved, or after {@code capture})
 * @param amount    the amount authorized
 * @param currency  its currency
 * @param reason    why it was declined; null otherwise
 * @param orderRef  the order reference the payment was made for, as the provider recorded it; null if it has none
 */
public record PaymentResult(String paymentId, PaymentStatus status, boolean captured, BigDecimal amount,
                            String currency, String reason, String orderRef) {

    public boolean approved() {
        return status == PaymentStatus.APPROVED;
    }
}
