package io.flowgate.connectors.payments;

import io.flowgate.connectors.payments.PaymentProviderException.Kind;
import io.flowgate.connectors.payments.internal.HttpPaymentProvider;
import io.flowgate.connectors.payments.sandbox.LedgerEntry;
import io.flowgate.connectors.payments.sandbox.RefundEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.flowgate.connectors.payments.PaymentsFixture.orderRef;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link HttpPaymentProvider} against the sandbox over real HTTP, with the ledger as the proof. */
class SandboxPaymentProviderIT {

    private static PaymentsFixture payments;

    @BeforeAll
    static void start() {
        payments = new PaymentsFixture();
    }

    @AfterAll
    static void stop() {
        payments.close();
    }

    @Test
    void approvesAndCapturesASale() {
        String order = orderRef();

        PaymentResult result = payments.sale(order, "12.50", "tok_visa", "k-" + order);

        assertThat(result.status()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(result.captured()).isTrue();
        assertThat(result.paymentId()).startsWith("pay_");
        assertThat(result.amount()).isEqualByComparingTo("12.50");
        List<LedgerEntry> ledger = payments.sandbox.ledger().paymentsFor(order);
        assertThat(ledger).singleElement().satisfies(e -> {
            assertThat(e.paymentId()).isEqualTo(result.paymentId());
            assertThat(e.status()).isEqualTo(LedgerEntry.CAPTURED);
            assertThat(e.amount()).isEqualByComparingTo("12.50");
            assertThat(e.currency()).isEqualTo("EUR");
            assertThat(e.idempotencyKey()).isEqualTo("k-" + order);
            assertThat(e.refundedAmount()).isZero();
        });
    }

    @Test
    void declinesAnAmountWhoseCentsAre13() {
        String order = orderRef();

        PaymentResult result = payments.sale(order, "20.13", "tok_visa", "k-" + order);

        assertThat(result.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(result.reason()).contains("insufficient funds");
        assertThat(payments.sandbox.ledger().paymentsFor(order)).singleElement()
                .extracting(LedgerEntry::status).isEqualTo(LedgerEntry.DECLINED);
    }

    @Test
    void declinesTheDeclineToken() {
        PaymentResult result = payments.sale(orderRef(), "5.00", "decline", "k-" + orderRef());

        assertThat(result.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(result.reason()).contains("card declined");
    }

    @Test
    void reportsAnAnswerPastTheReadTimeoutAsATechnicalFailureAndRecordsNothing() {
        String order = orderRef();
        long started = System.nanoTime();

        assertThatThrownBy(() -> payments.sale(order, "7.00", "timeout", "k-" + order))
                .isInstanceOfSatisfying(PaymentProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
                    assertThat(e.operation()).isEqualTo("authorize");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1900));
        assertThat(payments.sandbox.ledger().paymentsFor(order)).isEmpty();
    }

    @Test
    void answersASlowPaymentWithinTheReadTimeout() {
        PaymentResult result = payments.sale(orderRef(), "8.00", "slow", "k-" + orderRef());

        assertThat(result.status()).isEqualTo(PaymentStatus.APPROVED);
    }

    @Test
    void keepsAPendingPaymentPendingUntilTheProviderSettlesIt() {
        String order = orderRef();

        PaymentResult result = payments.sale(order, "9.00", "pending-manual", "k-" + order);

        assertThat(result.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(result.paymentId()).isNotBlank();
        assertThat(payments.provider.find(result.paymentId())).get()
                .extracting(PaymentResult::status).isEqualTo(PaymentStatus.PENDING);

        assertThat(payments.sandbox.settle(result.paymentId(), true)).isTrue();

        assertThat(payments.provider.find(result.paymentId())).get().satisfies(p -> {
            assertThat(p.status()).isEqualTo(PaymentStatus.APPROVED);
            assertThat(p.captured()).isTrue();
        });
        assertThat(payments.sandbox.settle(result.paymentId(), false)).as("only a pending payment settles").isFalse();
    }

    @Test
    void failsAPendingPaymentSettledAsFailed() {
        PaymentResult result = payments.sale(orderRef(), "9.50", "pending-manual", "k-" + orderRef());

        payments.sandbox.settle(result.paymentId(), false);

        assertThat(payments.provider.find(result.paymentId())).get()
                .extracting(PaymentResult::status).isEqualTo(PaymentStatus.DECLINED);
    }

    @Test
    void authorizesFirstAndCapturesLater() {
        String order = orderRef();
        PaymentResult authorized = payments.provider.authorize(
                new PaymentRequest(order, new BigDecimal("15.00"), "EUR", "tok_visa", false), "k-" + order);
        assertThat(authorized.status()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(authorized.captured()).isFalse();

        PaymentResult captured = payments.provider.capture(authorized.paymentId(), "c-" + order);
        PaymentResult again = payments.provider.capture(authorized.paymentId(), "c-" + order);

        assertThat(captured.captured()).isTrue();
        assertThat(again.captured()).isTrue();
        assertThat(payments.sandbox.ledger().paymentsFor(order)).singleElement()
                .extracting(LedgerEntry::status).isEqualTo(LedgerEntry.CAPTURED);
    }

    @Test
    void refundsEverythingWhenNoAmountIsGiven() {
        PaymentResult paid = payments.sale(orderRef(), "30.00", "tok_visa", "k-" + orderRef());

        RefundResult refund = payments.provider.refund(RefundRequest.full(paid.paymentId()), "r-" + paid.paymentId());

        assertThat(refund.status()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(refund.amount()).isEqualByComparingTo("30.00");
        assertThat(refund.refundId()).startsWith("re_");
        assertThat(payments.sandbox.ledger().payment(paid.paymentId())).get()
                .extracting(LedgerEntry::refundedAmount).isEqualTo(new BigDecimal("30.00"));
    }

    @Test
    void refundsInPartsUpToTheCapturedAmountAndRefusesMore() {
        PaymentResult paid = payments.sale(orderRef(), "30.00", "tok_visa", "k-" + orderRef());
        String id = paid.paymentId();

        RefundResult first = payments.provider.refund(new RefundRequest(id, new BigDecimal("10.00")), "r1-" + id);
        RefundResult second = payments.provider.refund(new RefundRequest(id, new BigDecimal("20.00")), "r2-" + id);
        RefundResult tooMuch = payments.provider.refund(new RefundRequest(id, new BigDecimal("0.01")), "r3-" + id);

        assertThat(first.status()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(second.status()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(tooMuch.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(tooMuch.reason()).contains("fully refunded");
        assertThat(payments.sandbox.ledger().payment(id)).get()
                .extracting(LedgerEntry::refundedAmount).isEqualTo(new BigDecimal("30.00"));
    }

    @Test
    void refusesARefundLargerThanWhatIsLeft() {
        PaymentResult paid = payments.sale(orderRef(), "10.00", "tok_visa", "k-" + orderRef());
        String id = paid.paymentId();
        payments.provider.refund(new RefundRequest(id, new BigDecimal("4.00")), "r1-" + id);

        RefundResult refused = payments.provider.refund(new RefundRequest(id, new BigDecimal("6.01")), "r2-" + id);

        assertThat(refused.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(refused.reason()).contains("exceeds what is left");
        assertThat(payments.sandbox.ledger().payment(id)).get()
                .extracting(LedgerEntry::refundedAmount).isEqualTo(new BigDecimal("4.00"));
    }

    @Test
    void refusesToRefundADeclinedOrUnknownPayment() {
        PaymentResult declined = payments.sale(orderRef(), "1.13", "tok_visa", "k-" + orderRef());

        assertThat(payments.provider.refund(RefundRequest.full(declined.paymentId()), "r-" + declined.paymentId())
                .status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(payments.provider.refund(RefundRequest.full("pay_unknown"), "r-unknown").status())
                .isEqualTo(PaymentStatus.DECLINED);
    }

    @Test
    void answersTheFirstChargeForARepeatedKeyWithoutASecondLedgerEntry() {
        String order = orderRef();

        PaymentResult first = payments.sale(order, "11.00", "tok_visa", "k-" + order);
        PaymentResult second = payments.sale(order, "11.00", "tok_visa", "k-" + order);

        assertThat(second).isEqualTo(first);
        assertThat(payments.sandbox.ledger().paymentsFor(order)).hasSize(1);
    }

    @Test
    void answersTheFirstRefundForARepeatedKeyWithoutASecondRefund() {
        PaymentResult paid = payments.sale(orderRef(), "10.00", "tok_visa", "k-" + orderRef());
        RefundRequest half = new RefundRequest(paid.paymentId(), new BigDecimal("5.00"));

        RefundResult first = payments.provider.refund(half, "r-" + paid.paymentId());
        RefundResult second = payments.provider.refund(half, "r-" + paid.paymentId());

        assertThat(second).isEqualTo(first);
        assertThat(payments.sandbox.ledger().refundsOf(paid.paymentId())).hasSize(1);
        assertThat(payments.sandbox.ledger().payment(paid.paymentId())).get()
                .extracting(LedgerEntry::refundedAmount).isEqualTo(new BigDecimal("5.00"));
    }

    @Test
    void refusesAKeyReusedForADifferentPayment() {
        String order = orderRef();
        payments.sale(order, "11.00", "tok_visa", "k-" + order);

        assertThatThrownBy(() -> payments.sale(order, "12.00", "tok_visa", "k-" + order))
                .isInstanceOfSatisfying(PaymentProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED))
                .hasMessageContaining("idempotency_key_reused");
        assertThat(payments.sandbox.ledger().paymentsFor(order)).hasSize(1);
    }

    @Test
    void reportsAProviderErrorAsATechnicalFailure() {
        assertThatThrownBy(() -> payments.sale(orderRef(), "3.00", "error", "k-" + orderRef()))
                .isInstanceOfSatisfying(PaymentProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR));
    }

    @Test
    void reportsAnUnreachableProviderAsATechnicalFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpPaymentProvider nowhere = new HttpPaymentProvider(URI.create("http://127.0.0.1:" + closedPort),
                Duration.ofMillis(500), Duration.ofMillis(500));

        assertThatThrownBy(() -> nowhere.authorize(
                PaymentRequest.sale("o", BigDecimal.ONE, "EUR", "tok_visa"), "k"))
                .isInstanceOfSatisfying(PaymentProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE));
    }

    @Test
    void recordsOneEntryPerKeyWhen200ConcurrentChargesShare50Keys() throws Exception {
        String batch = orderRef();
        HttpPaymentProvider patient = payments.patientProvider();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        CountDownLatch go = new CountDownLatch(1);
        Map<String, Set<String>> paymentIdsByKey = new ConcurrentHashMap<>();
        try {
            List<Future<PaymentResult>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int keyNo = i % 50;
                Callable<PaymentResult> call = () -> {
                    go.await();
                    String key = batch + "-" + keyNo;
                    PaymentResult result = patient.authorize(PaymentRequest.sale(batch,
                            new BigDecimal("2" + keyNo + ".00"), "EUR", "tok_visa"), key);
                    paymentIdsByKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(result.paymentId());
                    return result;
                };
                calls.add(pool.submit(call));
            }
            go.countDown();
            for (Future<PaymentResult> call : calls) {
                assertThat(call.get().status()).isEqualTo(PaymentStatus.APPROVED);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(payments.sandbox.ledger().paymentsFor(batch)).hasSize(50);
        assertThat(paymentIdsByKey).hasSize(50).allSatisfy((key, ids) -> assertThat(ids).hasSize(1));
    }

    @Test
    void neverRefundsMoreThanCapturedUnderConcurrentRefunds() throws Exception {
        PaymentResult paid = payments.sale(orderRef(), "10.00", "tok_visa", "k-" + orderRef());
        HttpPaymentProvider patient = payments.patientProvider();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<RefundResult>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                String key = "r-" + paid.paymentId() + "-" + i;
                calls.add(pool.submit(() -> {
                    go.await();
                    return patient.refund(new RefundRequest(paid.paymentId(), BigDecimal.ONE), key);
                }));
            }
            go.countDown();
            long approved = 0;
            for (Future<RefundResult> call : calls) {
                approved += call.get().approved() ? 1 : 0;
            }
            assertThat(approved).isEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
        assertThat(payments.sandbox.ledger().payment(paid.paymentId())).get()
                .extracting(LedgerEntry::refundedAmount).isEqualTo(new BigDecimal("10.00"));
        assertThat(payments.sandbox.ledger().refundsOf(paid.paymentId()))
                .filteredOn(r -> r.status().equals(RefundEntry.REFUNDED)).hasSize(10);
    }
}
