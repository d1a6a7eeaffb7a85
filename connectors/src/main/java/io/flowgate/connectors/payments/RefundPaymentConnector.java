package io.flowgate.connectors.payments;

import io.flowgate.connectors.Connector;
import io.flowgate.connectors.ConnectorBusinessError;
import io.flowgate.connectors.ConnectorDescriptor;
import io.flowgate.connectors.ConnectorParameter;
import io.flowgate.connectors.ConnectorRequest;
import io.flowgate.connectors.inputs.Inputs;
import io.flowgate.connectors.payments.internal.ProviderKeys;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code payment.refund}: gives back part or all of a captured payment, at most once per (instance, activity) — the
 * provider's Idempotency-Key is derived from {@link ConnectorRequest#idempotencyKey()}. A refund the provider
 * refuses (more than what is left, a payment never captured, an unknown payment) is {@code REFUND_REFUSED}; a
 * missing payment id or a malformed amount is {@code INVALID_INPUT}, nothing sent; timeouts and provider failures
 * are exceptions (retry with the same key, then incident).
 */
@Singleton
public final class RefundPaymentConnector implements Connector {

    public static final String ID = "payment.refund";
    public static final String REFUND_REFUSED = PaymentErrors.REFUND_REFUSED;

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "Refund payment",
            "Refunds part or all of a captured payment, at most once per task and instance.",
            List.of(
                    new ConnectorParameter("paymentId", "string", true, "The payment to refund (output of "
                            + "payment.charge)."),
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

    public RefundPaymentConnector(PaymentProvider provider) {
        this.provider = provider;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Map<String, Object> execute(ConnectorRequest request) {
        RefundRequest refund = new RefundRequest(PaymentInputs.text(request, "paymentId"),
                PaymentInputs.optionalAmount(request, "amount"));
        Inputs.optionalText(request, "orderId", MAX_ORDER_ID).ifPresent(orderId -> checkMadeFor(refund, orderId));
        RefundResult result = provider.refund(refund, ProviderKeys.of(ID, request));
        if (result.status() == PaymentStatus.DECLINED) {
            throw new ConnectorBusinessError(REFUND_REFUSED, result.reason() == null
                    ? "refund refused" : result.reason());
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("refundId", result.refundId());
        outputs.put("status", result.status().name());
        outputs.put("amount", result.amount());
        return outputs;
    }

    private void checkMadeFor(RefundRequest refund, String orderId) {
        boolean madeFor = provider.find(refund.paymentId())
                .map(payment -> orderId.equals(payment.orderRef()))
                .orElse(false);
        if (!madeFor) {
            throw new ConnectorBusinessError(REFUND_REFUSED, "payment " + refund.paymentId()
                    + " was not made for order " + orderId);
        }
    }
}
