package io.flowgate.connectors.payments;

import io.flowgate.connectors.Connector;
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

/**
 * {@code payment.cancel}: makes sure the customer is not charged by another task of the same instance that ran (or
 * may still run) {@code payment.charge} — for a flow that stopped waiting for the charge's answer, e.g. an
 * interrupting timer on the charge task.
 *
 * <p>The charge task's answer may be lost, so the charge is named by the provider key that task uses: derived, as
 * {@code payment.charge} derives it, from this instance and the {@code chargeTask} id. The provider then refunds a
 * captured charge in full, voids an authorized or pending one, or — when it never saw the charge — refuses the key
 * for good, so a retried or late charge is declined instead of captured (see {@link PaymentProvider#cancel}).
 *
 * <p>At most once per (instance, activity), like the other payment connectors: a retried job replays the first
 * cancellation. Every outcome is an output ({@code VOIDED}, {@code REFUNDED}, {@code NOT_CHARGED}); a missing or
 * malformed input is {@code INVALID_INPUT}; timeouts and provider failures are exceptions (retry with the same key,
 * then incident) — a cancellation must not be given up on.
 *
 * <p>The charge key names a task of this very instance, so a cancellation never reaches another tenant's payment. A
 * refund it makes is recorded in {@link PaymentRefs} with the instance's tenant (and the order, when the charge was
 * recorded).
 */
@Singleton
public final class CancelPaymentConnector implements Connector {

    public static final String ID = "payment.cancel";

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "Cancel payment",
            "Makes sure the charge of another task of this instance does not take the customer's money: refunds it "
                    + "in full if captured, or voids it so that it is never captured, even if it arrives later.",
            List.of(
                    new ConnectorParameter("chargeTask", "string", true, "Id of the service task (payment.charge) "
                            + "in this flow whose charge is cancelled; it may have run, be running, or not have "
                            + "run yet."),
                    new ConnectorParameter("reason", "string", false, "Why, at most 200 characters; kept in the "
                            + "provider's books.")),
            List.of(
                    new ConnectorParameter("status", "string", false, "VOIDED (nothing was or will be captured), "
                            + "REFUNDED (it had been captured and is refunded in full), or NOT_CHARGED (it had been "
                            + "declined)."),
                    new ConnectorParameter("paymentId", "string", false, "The charge's payment id; empty when the "
                            + "provider never saw the charge."),
                    new ConnectorParameter("refundId", "string", false, "The refund this cancellation made; empty "
                            + "when it made none.")),
            List.of(PaymentErrors.INVALID_INPUT_SPEC),
            false);

    private final PaymentProvider provider;
    private final PaymentRefs refs;

    public CancelPaymentConnector(PaymentProvider provider, PaymentRefs refs) {
        this.provider = provider;
        this.refs = refs;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Map<String, Object> execute(ConnectorRequest request) {
        String chargeTask = PaymentInputs.text(request, "chargeTask");
        if (chargeTask.equals(request.activityId())) {
            throw Inputs.invalid("'chargeTask' must name the task that charges, not this cancelling task");
        }
        CancelRequest cancel = new CancelRequest(
                ProviderKeys.ofTask(ChargePaymentConnector.ID, request, chargeTask),
                Inputs.optionalText(request, "reason", PaymentInputs.MAX_TEXT).orElse(null));
        String key = ProviderKeys.of(ID, request);
        CancelResult result = provider.cancel(cancel, key);
        if (result.refundId() != null) {
            String orderId = refs.find(result.paymentId(), request.tenantId())
                    .map(PaymentRefs.PaymentRef::orderId).orElse(null);
            refs.refunded(result.refundId(), result.paymentId(), request.tenantId(), orderId, key,
                    result.refunded());
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("status", result.status().name());
        outputs.put("paymentId", result.paymentId());
        outputs.put("refundId", result.refundId());
        return outputs;
    }
}
