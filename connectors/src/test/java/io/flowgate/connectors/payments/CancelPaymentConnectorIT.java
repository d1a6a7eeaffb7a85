package io.flowgate.connectors.payments;

import io.flowgate.connectors.ConnectorBusinessError;
import io.flowgate.connectors.ConnectorErrorSpec;
import io.flowgate.connectors.ConnectorRequest;
import io.flowgate.connectors.payments.sandbox.LedgerEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.flowgate.connectors.payments.PaymentsFixture.orderRef;
import static io.flowgate.connectors.payments.PaymentsFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code payment.cancel} as the order flow uses it: an interrupting timer left the charge task {@code ChargePayment}
 * without an answer, and the task {@code CancelPayment} of the same instance makes sure the customer is not charged.
 */
class CancelPaymentConnectorIT {

    private static final String CHARGE_TASK = "ChargePayment";
    private static final String CANCEL_TASK = "CancelPayment";

    private static PaymentsFixture payments;
    private static ChargePaymentConnector charge;
    private static CancelPaymentConnector cancel;

    @BeforeAll
    static void start() {
        payments = new PaymentsFixture();
        charge = new ChargePaymentConnector(payments.provider, payments.refs);
        cancel = new CancelPaymentConnector(payments.provider, payments.refs);
    }

    @AfterAll
    static void stop() {
        payments.close();
    }

    private static ConnectorRequest chargeJob(String instance, String order, String token) {
        return request(instance, CHARGE_TASK, new HashMap<>(Map.of("orderId", order, "amount", "18.50",
                "currency", "EUR", "paymentToken", token)));
    }

    private static ConnectorRequest cancelJob(String instance, Object chargeTask) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("chargeTask", chargeTask);
        inputs.put("reason", "payment timed out");
        return request(instance, CANCEL_TASK, inputs);
    }

    private static String instance() {
        return UUID.randomUUID().toString();
    }

    @Test
    void refundsTheChargeOfTheNamedTaskInTheSameInstance() {
        String instance = instance();
        String order = orderRef();
        Map<String, Object> charged = charge.execute(chargeJob(instance, order, "tok_visa"));

        Map<String, Object> outputs = cancel.execute(cancelJob(instance, CHARGE_TASK));

        assertThat(outputs).containsEntry("status", "REFUNDED")
                .containsEntry("paymentId", charged.get("paymentId"));
        assertThat((String) outputs.get("refundId")).startsWith("re_");
        assertThat(payments.sandbox.ledger().paymentsFor(order)).singleElement()
                .satisfies(e -> assertThat(e.netCharged()).isZero());
    }

    @Test
    void voidsTheChargeOfATaskThatHasNotAnsweredSoItsRetryIsDeclined() {
        String instance = instance();
        String order = orderRef();

        Map<String, Object> outputs = cancel.execute(cancelJob(instance, CHARGE_TASK));

        assertThat(outputs).containsEntry("status", "VOIDED").containsEntry("paymentId", null)
                .containsEntry("refundId", null);
        assertThatThrownBy(() -> charge.execute(chargeJob(instance, order, "tok_visa")))
                .isInstanceOfSatisfying(ConnectorBusinessError.class,
                        e -> assertThat(e.code()).isEqualTo("PAYMENT_DECLINED"))
                .hasMessageStartingWith("voided");
        assertThat(payments.sandbox.ledger().paymentsFor(order)).isEmpty();
        assertThat(payments.sandbox.ledger().paymentByKey("payment.charge:" + instance + ":" + CHARGE_TASK)).get()
                .extracting(LedgerEntry::status).isEqualTo(LedgerEntry.VOIDED);
    }

    @Test
    void refundsAChargeWhoseAnswerIsLostForGood() {
        String instance = instance();
        String order = orderRef();
        assertThatThrownBy(() -> charge.execute(chargeJob(instance, order, "timeout-captured")))
                .isInstanceOf(PaymentProviderException.class);

        Map<String, Object> outputs = cancel.execute(cancelJob(instance, CHARGE_TASK));

        assertThat(outputs).containsEntry("status", "REFUNDED");
        assertThat(payments.sandbox.ledger().paymentsFor(order)).singleElement().satisfies(e -> {
            assertThat(e.paymentId()).isEqualTo(outputs.get("paymentId"));
            assertThat(e.netCharged()).isZero();
        });
    }

    @Test
    void cancelsOnceWhenTheJobIsRetried() {
        String instance = instance();
        String order = orderRef();
        String paymentId = (String) charge.execute(chargeJob(instance, order, "tok_visa")).get("paymentId");
        ConnectorRequest job = cancelJob(instance, CHARGE_TASK);

        Map<String, Object> first = cancel.execute(job);
        Map<String, Object> retry = cancel.execute(job);

        assertThat(retry).isEqualTo(first);
        assertThat(payments.sandbox.ledger().refundsOf(paymentId)).hasSize(1);
    }

    @Test
    void leavesTheChargesOfOtherInstancesAlone() {
        String order = orderRef();
        charge.execute(chargeJob(instance(), order, "tok_visa"));

        Map<String, Object> outputs = cancel.execute(cancelJob(instance(), CHARGE_TASK));

        assertThat(outputs).containsEntry("status", "VOIDED");
        assertThat(payments.sandbox.ledger().paymentsFor(order)).singleElement()
                .satisfies(e -> assertThat(e.netCharged()).isEqualByComparingTo("18.50"));
    }

    @Test
    void outputsNotChargedWhenTheChargeWasDeclined() {
        String instance = instance();
        assertThatThrownBy(() -> charge.execute(chargeJob(instance, orderRef(), "decline")))
                .isInstanceOf(ConnectorBusinessError.class);

        assertThat(cancel.execute(cancelJob(instance, CHARGE_TASK))).containsEntry("status", "NOT_CHARGED");
    }

    @Test
    void refusesAMissingOrMalformedInputAsInvalidInput() {
        Map<String, Object> tooLongReason = new HashMap<>(Map.of("chargeTask", CHARGE_TASK, "reason", "r".repeat(201)));
        for (ConnectorRequest job : new ConnectorRequest[] {
                cancelJob(instance(), null),
                cancelJob(instance(), " "),
                cancelJob(instance(), CANCEL_TASK),
                request(instance(), CANCEL_TASK, tooLongReason)}) {
            assertThatThrownBy(() -> cancel.execute(job)).as(job.inputs().toString())
                    .isInstanceOfSatisfying(ConnectorBusinessError.class,
                            e -> assertThat(e.code()).isEqualTo("INVALID_INPUT"));
        }
    }

    @Test
    void describesItsInputsOutputsAndErrors() {
        assertThat(cancel.descriptor().id()).isEqualTo("payment.cancel");
        assertThat(cancel.descriptor().inputs()).extracting(p -> p.name() + ":" + p.required())
                .containsExactly("chargeTask:true", "reason:false");
        assertThat(cancel.descriptor().outputs()).extracting(p -> p.name())
                .containsExactly("status", "paymentId", "refundId");
        assertThat(cancel.descriptor().errors()).extracting(ConnectorErrorSpec::code).containsExactly("INVALID_INPUT");
    }
}
