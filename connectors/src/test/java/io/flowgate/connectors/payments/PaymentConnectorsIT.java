package io.flowgate.connectors.payments;

import io.flowgate.connectors.ConnectorBusinessError;
import io.flowgate.connectors.ConnectorErrorSpec;
import io.flowgate.connectors.ConnectorParameter;
import io.flowgate.connectors.ConnectorRequest;
import io.flowgate.connectors.payments.sandbox.LedgerEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.flowgate.connectors.payments.PaymentsFixture.orderRef;
import static io.flowgate.connectors.payments.PaymentsFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code payment.charge} and {@code payment.refund} against the sandbox over HTTP, as the engine calls them. */
class PaymentConnectorsIT {

    private static PaymentsFixture payments;
    private static ChargePaymentConnector charge;
    private static RefundPaymentConnector refund;

    @BeforeAll
    static void start() {
        payments = new PaymentsFixture();
        charge = new ChargePaymentConnector(payments.provider, payments.refs);
        refund = new RefundPaymentConnector(payments.provider, payments.refs);
    }

    @AfterAll
    static void stop() {
        payments.close();
    }

    private static ConnectorRequest chargeRequest(String order, Object amount, String token) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("orderId", order);
        inputs.put("amount", amount);
        inputs.put("currency", "EUR");
        inputs.put("paymentToken", token);
        return request(UUID.randomUUID().toString(), "ChargePayment", inputs);
    }

    private static ConnectorRequest refundRequest(String paymentId, Object amount) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("paymentId", paymentId);
        inputs.put("amount", amount);
        return request(UUID.randomUUID().toString(), "RefundPayment", inputs);
    }

    private static String paid(String amount) {
        return (String) charge.execute(chargeRequest(orderRef(), new BigDecimal(amount), "tok_visa")).get("paymentId");
    }

    @Test
    void chargesAndOutputsThePaymentIdAndStatus() {
        String order = orderRef();

        Map<String, Object> outputs = charge.execute(chargeRequest(order, 24.5, "tok_visa"));

        assertThat(outputs).containsEntry("status", "APPROVED").containsKey("paymentId");
        assertThat(payments.sandbox.ledger().paymentsFor(order)).singleElement().satisfies(e -> {
            assertThat(e.paymentId()).isEqualTo(outputs.get("paymentId"));
            assertThat(e.amount()).isEqualByComparingTo("24.50");
            assertThat(e.status()).isEqualTo(LedgerEntry.CAPTURED);
        });
    }

    @Test
    void acceptsAPaymentMethodInsteadOfAToken() {
        Map<String, Object> inputs = new HashMap<>(Map.of("orderId", orderRef(), "amount", "3.00",
                "currency", "EUR", "method", "wallet"));

        assertThat(charge.execute(request("i-1", "Charge", inputs))).containsEntry("status", "APPROVED");
    }

    @Test
    void throwsPaymentDeclinedWithTheProvidersReason() {
        assertThatThrownBy(() -> charge.execute(chargeRequest(orderRef(), "10.13", "tok_visa")))
                .isInstanceOfSatisfying(ConnectorBusinessError.class,
                        e -> assertThat(e.code()).isEqualTo("PAYMENT_DECLINED"))
                .hasMessageContaining("insufficient funds");
    }

    @Test
    void throwsATechnicalExceptionWhenTheProviderTimesOutSoTheEngineRetries() {
        assertThatThrownBy(() -> charge.execute(chargeRequest(orderRef(), "10.00", "timeout")))
                .isInstanceOf(PaymentProviderException.class)
                .isNotInstanceOf(ConnectorBusinessError.class);
    }

    @Test
    void outputsPendingWhenTheOutcomeComesLater() {
        Map<String, Object> outputs = charge.execute(chargeRequest(orderRef(), "10.00", "pending"));

        assertThat(outputs).containsEntry("status", "PENDING");
        assertThat((String) outputs.get("paymentId")).startsWith("pay_");
    }

    @Test
    void chargesOnceWhenTheJobIsRetried() {
        String order = orderRef();
        ConnectorRequest job = chargeRequest(order, "12.00", "tok_visa");

        Map<String, Object> first = charge.execute(job);
        Map<String, Object> retry = charge.execute(job);

        assertThat(retry).isEqualTo(first);
        assertThat(payments.sandbox.ledger().paymentsFor(order)).hasSize(1);
    }

    @Test
    void chargesOnceWhenTheFirstAnswerIsLostAndTheJobIsRetried() {
        String order = orderRef();
        ConnectorRequest job = chargeRequest(order, "13.00", "timeout-once");

        assertThatThrownBy(() -> charge.execute(job)).isInstanceOf(PaymentProviderException.class);
        Map<String, Object> retry = charge.execute(job);

        assertThat(retry).containsEntry("status", "APPROVED");
        assertThat(payments.sandbox.ledger().paymentsFor(order)).singleElement().satisfies(e -> {
            assertThat(e.paymentId()).isEqualTo(retry.get("paymentId"));
            assertThat(e.idempotencyKey()).isEqualTo("payment.charge:" + job.idempotencyKey());
        });
    }

    @Test
    void sendsTheSameProviderKeyOnEveryAttemptOfTheSameTaskAndInstance() {
        String order = orderRef();
        Map<String, Object> inputs = Map.of("orderId", order, "amount", "5.00", "currency", "EUR",
                "paymentToken", "tok_visa");

        charge.execute(request("instance-7", "ChargePayment", inputs));
        charge.execute(request("instance-7", "ChargePayment", new HashMap<>(inputs)));
        charge.execute(request("instance-8", "ChargePayment", inputs));

        assertThat(payments.sandbox.ledger().paymentsFor(order)).extracting(LedgerEntry::idempotencyKey)
                .containsExactly("payment.charge:instance-7:ChargePayment", "payment.charge:instance-8:ChargePayment");
    }

    @Test
    void refundsTheFullAmountWhenNoAmountIsGiven() {
        String paymentId = paid("40.00");

        Map<String, Object> outputs = refund.execute(refundRequest(paymentId, null));

        assertThat(outputs).containsEntry("status", "APPROVED").containsKey("refundId");
        assertThat((BigDecimal) outputs.get("amount")).isEqualByComparingTo("40.00");
        assertThat(payments.sandbox.ledger().payment(paymentId)).get()
                .extracting(LedgerEntry::refundedAmount).isEqualTo(new BigDecimal("40.00"));
    }

    @Test
    void refundsPartOfAPayment() {
        String paymentId = paid("40.00");

        refund.execute(refundRequest(paymentId, 15));

        assertThat(payments.sandbox.ledger().payment(paymentId)).get()
                .extracting(LedgerEntry::refundedAmount).isEqualTo(new BigDecimal("15.00"));
    }

    @Test
    void throwsRefundRefusedForMoreThanWasCaptured() {
        String paymentId = paid("40.00");

        assertThatThrownBy(() -> refund.execute(refundRequest(paymentId, "40.01")))
                .isInstanceOfSatisfying(ConnectorBusinessError.class,
                        e -> assertThat(e.code()).isEqualTo("REFUND_REFUSED"))
                .hasMessageContaining("exceeds");
        assertThat(payments.sandbox.ledger().payment(paymentId)).get()
                .extracting(LedgerEntry::refundedAmount).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void refundsAPaymentOnlyForTheOrderItWasMadeFor() {
        String order = orderRef();
        String paymentId = (String) charge.execute(chargeRequest(order, new BigDecimal("12.00"), "tok_visa"))
                .get("paymentId");
        String otherPaymentId = paid("30.00");
        ConnectorRequest wrongOrder = refundRequest(otherPaymentId, null);
        wrongOrder.inputs().put("orderId", order);
        ConnectorRequest rightOrder = refundRequest(paymentId, null);
        rightOrder.inputs().put("orderId", order);

        assertThatThrownBy(() -> refund.execute(wrongOrder))
                .isInstanceOfSatisfying(ConnectorBusinessError.class,
                        e -> assertThat(e.code()).isEqualTo("REFUND_REFUSED"))
                .hasMessageContaining("was not made for order " + order);
        assertThat(payments.sandbox.ledger().payment(otherPaymentId)).get()
                .extracting(LedgerEntry::refundedAmount).isEqualTo(new BigDecimal("0.00"));
        assertThat(refund.execute(rightOrder)).containsEntry("status", "APPROVED");
    }

    @Test
    void refundsOnlyAPaymentChargedInItsOwnTenant() {
        String order = orderRef();
        ConnectorRequest charged = chargeRequest(order, "20.00", "tok_visa");
        String paymentId = (String) charge.execute(new ConnectorRequest(charged.instanceId(), charged.activityId(),
                null, "bistro", charged.inputs())).get("paymentId");
        ConnectorRequest dinerRefund = refundRequest(paymentId, null);
        ConnectorRequest bistroRefund = refundRequest(paymentId, null);

        assertThatThrownBy(() -> refund.execute(new ConnectorRequest(dinerRefund.instanceId(),
                dinerRefund.activityId(), null, "diner", dinerRefund.inputs())))
                .isInstanceOfSatisfying(ConnectorBusinessError.class,
                        e -> assertThat(e.code()).isEqualTo("REFUND_REFUSED"))
                .hasMessage("no payment " + paymentId);
        assertThat(payments.sandbox.ledger().refundsOf(paymentId)).isEmpty();
        assertThat(refund.execute(new ConnectorRequest(bistroRefund.instanceId(), bistroRefund.activityId(), null,
                "bistro", bistroRefund.inputs()))).containsEntry("status", "APPROVED");
    }

    @Test
    void refundsNoPaymentThatNoFlowCharged() {
        String paymentId = payments.sale(orderRef(), "25.00", "tok_visa", "outside-" + UUID.randomUUID())
                .paymentId();

        assertThatThrownBy(() -> refund.execute(refundRequest(paymentId, null)))
                .isInstanceOfSatisfying(ConnectorBusinessError.class,
                        e -> assertThat(e.code()).isEqualTo("REFUND_REFUSED"))
                .hasMessage("no payment " + paymentId);
        assertThat(payments.sandbox.ledger().payment(paymentId)).get()
                .extracting(LedgerEntry::refundedAmount).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void throwsRefundRefusedForAnUnknownPayment() {
        assertThatThrownBy(() -> refund.execute(refundRequest("pay_nothing", null)))
                .isInstanceOfSatisfying(ConnectorBusinessError.class,
                        e -> assertThat(e.code()).isEqualTo("REFUND_REFUSED"));
    }

    @Test
    void refundsOnceWhenTheJobIsRetried() {
        String paymentId = paid("40.00");
        ConnectorRequest job = refundRequest(paymentId, "10.00");

        Map<String, Object> first = refund.execute(job);
        Map<String, Object> retry = refund.execute(job);

        assertThat(retry).isEqualTo(first);
        assertThat(payments.sandbox.ledger().refundsOf(paymentId)).hasSize(1);
        assertThat(payments.sandbox.ledger().payment(paymentId)).get()
                .extracting(LedgerEntry::refundedAmount).isEqualTo(new BigDecimal("10.00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedCharges")
    void refusesAMalformedChargeAsInvalidInputWithoutCallingTheProvider(String why, String input, Object value,
                                                                        String message) {
        String order = orderRef();
        ConnectorRequest job = chargeRequest(order, "10.00", "tok_visa");
        job.inputs().put(input, value);

        assertThatThrownBy(() -> charge.execute(job))
                .isInstanceOfSatisfying(ConnectorBusinessError.class,
                        e -> assertThat(e.code()).isEqualTo("INVALID_INPUT"))
                .hasMessageContaining(message);
        assertThat(payments.sandbox.ledger().paymentByKey("payment.charge:" + job.idempotencyKey())).isEmpty();
    }

    static Stream<Arguments> malformedCharges() {
        return Stream.of(
                Arguments.of("no order", "orderId", null, "'orderId' is required"),
                Arguments.of("blank order", "orderId", "  ", "'orderId' is required"),
                Arguments.of("order id too long", "orderId", "o".repeat(201), "at most 200"),
                Arguments.of("no amount", "amount", null, "'amount' is required"),
                Arguments.of("amount not a number", "amount", "ten", "must be a number"),
                Arguments.of("amount of another type", "amount", List.of(1), "must be a number"),
                Arguments.of("negative amount", "amount", "-1", "positive"),
                Arguments.of("zero amount", "amount", 0, "positive"),
                Arguments.of("three decimals", "amount", "1.005", "decimals"),
                Arguments.of("no currency", "currency", null, "'currency' is required"),
                Arguments.of("currency not ISO 4217", "currency", "euro", "ISO 4217"),
                Arguments.of("neither token nor method", "paymentToken", null, "'paymentToken' or 'method'"),
                Arguments.of("token too long", "paymentToken", "t".repeat(201), "at most 200"));
    }

    @Test
    void refusesAMalformedRefundAsInvalidInput() {
        assertThatThrownBy(() -> refund.execute(refundRequest(null, "1.00")))
                .isInstanceOfSatisfying(ConnectorBusinessError.class,
                        e -> assertThat(e.code()).isEqualTo("INVALID_INPUT"))
                .hasMessageContaining("'paymentId' is required");
        String paymentId = paid("5.00");
        for (Object amount : List.of("-2", "0.001", "lots")) {
            assertThatThrownBy(() -> refund.execute(refundRequest(paymentId, amount)))
                    .as("amount %s", amount)
                    .isInstanceOfSatisfying(ConnectorBusinessError.class,
                            e -> assertThat(e.code()).isEqualTo("INVALID_INPUT"));
        }
        assertThat(payments.sandbox.ledger().refundsOf(paymentId)).isEmpty();
    }

    @Test
    void describesTypedInputsOutputsAndTheErrorsItThrows() {
        assertThat(charge.descriptor().id()).isEqualTo("payment.charge");
        assertThat(charge.descriptor().inputs()).extracting(ConnectorParameter::name, ConnectorParameter::type,
                ConnectorParameter::required).contains(
                org.assertj.core.groups.Tuple.tuple("orderId", "string", true),
                org.assertj.core.groups.Tuple.tuple("amount", "number", true),
                org.assertj.core.groups.Tuple.tuple("currency", "string", true),
                org.assertj.core.groups.Tuple.tuple("paymentToken", "string", false));
        assertThat(charge.descriptor().outputs()).extracting(ConnectorParameter::name)
                .containsExactly("paymentId", "status");
        assertThat(charge.descriptor().errors()).extracting(ConnectorErrorSpec::code)
                .containsExactly("PAYMENT_DECLINED", "INVALID_INPUT");
        assertThat(refund.descriptor().id()).isEqualTo("payment.refund");
        assertThat(refund.descriptor().errors()).extracting(ConnectorErrorSpec::code)
                .containsExactly("REFUND_REFUSED", "INVALID_INPUT");
        assertThat(refund.descriptor().inputs()).allSatisfy(p -> assertThat(p.description()).isNotBlank());
    }
}
