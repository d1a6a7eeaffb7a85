package io.flowgate.connectors.payments;

import io.flowgate.connectors.Connector;
import io.flowgate.connectors.ConnectorBusinessError;
import io.flowgate.connectors.ConnectorDescriptor;
import io.flowgate.connectors.ConnectorParameter;
import io.flowgate.connectors.ConnectorRequest;
import io.flowgate.connectors.inputs.Inputs;
import io.flowgate.connectors.payments.internal.PaymentRefs;
import io.flowgate.connectors.payments.internal.ProviderKeys;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code payment.refund}: gives back part or all of a captured payment, at most once per (instance, activity) — the
 * provider's Idempotency-Key is derived from {@link ConnectorRequest#idempotencyKey()}.
 *
 * <p>Only a payment that {@code payment.charge} recorded for the instance's tenant ({@link PaymentRefs}), and, when
 * {@code orderId} is given, for that order, is sent to the provider: any other payment id — unknown, another
 * tenant's, another order's — is {@code REFUND_REFUSED} with nothing sent, the same answer whichever it is. A refund
 * the provider refuses (more than what is left, a payment never captured) is {@code REFUND_REFUSED} too; a missing
 * payment id or a malformed amount is {@code INVALID_INPUT}, nothing sent; timeouts and provider failures are
 * exceptions (retry with the same key, then incident). A refund made is recorded with the payment's order and tenant.
 */
@Singleton
public final class RefundPaymentConnector implements Connector {

    public static final String ID = "payment.refund";
    public static final String REFUND_REFUSED = PaymentErrors.REFUND_REFUSED;

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "Refund payment",
            "Refunds part or all of a captured payment, at most once per task and instance.",
            List.of(
                    new ConnectorParameter("paymentId", "string", true, "The payment to refund (output of "
                            + "payment.charge in a flow of the same tenant)."),
                    new ConnectorParameter("amount", "number", false, "Amount to refund, at most two decimals; "
                            + "empty refunds everything not refunded yet."),
                    new ConnectorParameter("orderId", "string", false, "When set, the refund is made only if the "
                            + "payment was made for this order (REFUND_REFUSED otherwise), so a refund asked for one "
                            + "order cannot pay back another order's payment.")),
            List.of(
                    new ConnectorParameter("refundId", "string", false, "The provider's refund id."),
                    new ConnectorParameter("status", "string", false, "APPROVED, or PENDING when the provider "
                            + "confirms later."),
                    new ConnectorParameter("amount", "number", false, "The amount refunded.")),
            List.of(PaymentErrors.REFUND_REFUSED_SPEC, PaymentErrors.INVALID_INPUT_SPEC),
            false);

    private static final int MAX_ORDER_ID = 200;

    private final PaymentProvider provider;
    private final PaymentRefs refs;

    public RefundPaymentConnector(PaymentProvider provider, PaymentRefs refs) {
        this.provider = provider;
        this.refs = refs;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Map<String, Object> execute(ConnectorRequest request) {
        RefundRequest refund = new RefundRequest(PaymentInputs.text(request, "paymentId"),
                PaymentInputs.optionalAmount(request, "amount"));
        Optional<String> orderId = Inputs.optionalText(request, "orderId", MAX_ORDER_ID);
        PaymentRefs.PaymentRef payment = refs.find(refund.paymentId(), request.tenantId())
                .filter(ref -> orderId.isEmpty() || orderId.get().equals(ref.orderId()))
                .orElseThrow(() -> new ConnectorBusinessError(REFUND_REFUSED, orderId
                        .map(order -> "payment " + refund.paymentId() + " was not made for order " + order)
                        .orElse("no payment " + refund.paymentId())));
        String key = ProviderKeys.of(ID, request);
        RefundResult result = provider.refund(refund, key);
        if (result.status() == PaymentStatus.DECLINED) {
            throw new ConnectorBusinessError(REFUND_REFUSED, result.reason() == null
                    ? "refund refused" : result.reason());
        }
        refs.refunded(result.refundId(), payment.paymentId(), payment.tenant(), payment.orderId(), key,
                result.amount());
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("refundId", result.refundId());
        outputs.put("status", result.status().name());
        outputs.put("amount", result.amount());
        return outputs;
    }
}
