package io.flowgate.connectors.payments;

import io.flowgate.connectors.Connector;
import io.flowgate.connectors.ConnectorBusinessError;
import io.flowgate.connectors.ConnectorDescriptor;
import io.flowgate.connectors.ConnectorParameter;
import io.flowgate.connectors.ConnectorRequest;
import io.flowgate.connectors.payments.internal.PaymentRefs;
import io.flowgate.connectors.payments.internal.ProviderKeys;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code payment.charge}: authorizes and captures a payment for an order.
 *
 * <p>At most one charge per (instance, activity): the provider's Idempotency-Key is derived from
 * {@link ConnectorRequest#idempotencyKey()}, so a retried job gets the first charge back instead of a second one.
 * A consequence: a flow that loops back through the <em>same</em> service task gets the first outcome again; to
 * charge again (e.g. another card after a decline), route the retry through a different task.
 *
 * <p>Outcomes: APPROVED → outputs; PENDING → outputs with {@code status=PENDING}: the flow waits for
 * {@code PaymentConfirmed} / {@code PaymentFailed} correlated by {@code paymentId}; DECLINED →
 * {@code PAYMENT_DECLINED} (also when {@code payment.cancel} voided this task's charge before it arrived); inputs
 * the provider would refuse → {@code INVALID_INPUT}, nothing sent; timeouts and provider failures → exception, so
 * the engine retries (same key) and then raises an incident.
 *
 * <p>A payment the provider accepted (approved or pending) is recorded in Flowgate's own {@link PaymentRefs} with the
 * order and the instance's tenant: {@code payment.refund} only refunds payments recorded for its own tenant.
 */
@Singleton
public final class ChargePaymentConnector implements Connector {

    public static final String ID = "payment.charge";
    public static final String PAYMENT_DECLINED = PaymentErrors.PAYMENT_DECLINED;

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "Charge payment",
            "Charges (authorizes and captures) an amount for an order, at most once per task and instance.",
            List.of(
                    new ConnectorParameter("orderId", "string", true, "The order being paid; the provider keeps it "
                            + "as the payment's reference."),
                    new ConnectorParameter("amount", "number", true, "Amount to charge, positive, at most two "
                            + "decimals."),
                    new ConnectorParameter("currency", "string", true, "ISO 4217 currency code, e.g. EUR."),
                    new ConnectorParameter("paymentToken", "string", false, "Tokenized card from the checkout; "
                            + "either this or method is required."),
                    new ConnectorParameter("method", "string", false, "Payment method name when there is no token "
                            + "(e.g. a wallet); either this or paymentToken is required.")),
            List.of(
                    new ConnectorParameter("paymentId", "string", false, "The provider's payment id; keep it for "
                            + "refunds and to correlate a later confirmation."),
                    new ConnectorParameter("status", "string", false, "APPROVED (captured), or PENDING: wait for "
                            + "the message PaymentConfirmed or PaymentFailed correlated by paymentId.")),
            List.of(PaymentErrors.PAYMENT_DECLINED_SPEC, PaymentErrors.INVALID_INPUT_SPEC),
            false);

    private final PaymentProvider provider;
    private final PaymentRefs refs;

    public ChargePaymentConnector(PaymentProvider provider, PaymentRefs refs) {
        this.provider = provider;
        this.refs = refs;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Map<String, Object> execute(ConnectorRequest request) {
        PaymentRequest payment = PaymentRequest.sale(
                PaymentInputs.text(request, "orderId"),
                PaymentInputs.amount(request, "amount"),
                PaymentInputs.currency(request, "currency"),
                PaymentInputs.firstOf(request, "paymentToken", "method"));
        String key = ProviderKeys.of(ID, request);
        PaymentResult result = provider.authorize(payment, key);
        if (result.status() == PaymentStatus.DECLINED) {
            throw new ConnectorBusinessError(PAYMENT_DECLINED, result.reason() == null
                    ? "payment declined" : result.reason());
        }
        // a failure here is retried like a lost answer: the provider answers the same payment for the same key
        refs.charged(new PaymentRefs.PaymentRef(result.paymentId(), request.tenantId(), payment.orderRef(), key,
                payment.amount(), payment.currency()));
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("paymentId", result.paymentId());
        outputs.put("status", result.status().name());
        return outputs;
    }
}
