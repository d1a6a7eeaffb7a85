package io.flowgate.connectors.payments;

import io.flowgate.connectors.payments.PaymentProviderException.Kind;
import io.flowgate.connectors.payments.internal.HttpPaymentProvider;
import io.flowgate.connectors.payments.sandbox.LedgerEntry;
import io.flowgate.connectors.payments.sandbox.RefundEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.flowgate.connectors.payments.PaymentsFixture.orderRef;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link PaymentProvider#cancel} against the sandbox over HTTP: whatever happened to the charge, the ledger ends with
 * the customer not charged — a voided key, or the captured charge refunded in full, once.
 */
class PaymentCancellationIT {

    private static PaymentsFixture payments;

    @BeforeAll
    static void start() {
        payments = new PaymentsFixture();
    }

    @AfterAll
    static void stop() {
        payments.close();
    }

    private static CancelResult cancel(String chargeKey, String cancelKey) {
        return payments.provider.cancel(new CancelRequest(chargeKey, "no answer in time"), cancelKey);
    }

    private static LedgerEntry row(String chargeKey) {
        return payments.sandbox.ledger().paymentByKey(chargeKey).orElseThrow();
    }

    @Test
    void refundsACapturedChargeInFullOnceHoweverOftenItIsCancelled() {
        String order = orderRef();
        PaymentResult paid = payments.sale(order, "25.00", "tok_visa", "k-" + order);

        CancelResult first = cancel("k-" + order, "c-" + order);
        CancelResult repeated = cancel("k-" + order, "c-" + order);
        CancelResult another = cancel("k-" + order, "c2-" + order);

        assertThat(first.status()).isEqualTo(CancelStatus.REFUNDED);
        assertThat(first.paymentId()).isEqualTo(paid.paymentId());
        assertThat(first.refundId()).startsWith("re_");
        assertThat(first.refunded()).isEqualByComparingTo("25.00");
        assertThat(repeated).isEqualTo(first);
        assertThat(another.status()).as("already refunded in full").isEqualTo(CancelStatus.REFUNDED);
        assertThat(another.refundId()).as("no second refund").isNull();
        assertThat(payments.sandbox.ledger().refundsOf(paid.paymentId())).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RefundEntry.REFUNDED);
            assertThat(r.amount()).isEqualByComparingTo("25.00");
            assertThat(r.reason()).isEqualTo("cancelled: no answer in time");
        });
        assertThat(row("k-" + order)).satisfies(e -> {
            assertThat(e.status()).isEqualTo(LedgerEntry.CAPTURED);
            assertThat(e.netCharged()).isZero();
        });
    }

    @Test
    void voidsAKeyNoChargeHasUsedSoALateChargeIsDeclinedAndNeverCaptured() {
        String order = orderRef();

        CancelResult cancelled = cancel("k-" + order, "c-" + order);
        PaymentResult late = payments.sale(order, "25.00", "tok_visa", "k-" + order);
        PaymentResult retried = payments.sale(order, "25.00", "tok_visa", "k-" + order);

        assertThat(cancelled).isEqualTo(new CancelResult(CancelStatus.VOIDED, null, null, null));
        assertThat(late.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(late.captured()).isFalse();
        assertThat(late.reason()).startsWith("voided");
        assertThat(retried).isEqualTo(late);
        assertThat(row("k-" + order)).satisfies(e -> {
            assertThat(e.status()).isEqualTo(LedgerEntry.VOIDED);
            assertThat(e.voidedBeforeCharge()).isTrue();
            assertThat(e.reason()).isEqualTo("voided: no answer in time");
        });
        assertThat(payments.sandbox.ledger().paymentsFor(order)).as("the late charge left no payment").isEmpty();
        assertThat(cancel("k-" + order, "c-" + order)).isEqualTo(cancelled);
    }

    @Test
    void refundsAChargeThatWasCapturedWhileItsAnswerWasLostForGood() {
        String order = orderRef();

        assertThatThrownBy(() -> payments.sale(order, "42.00", "timeout-captured", "k-" + order))
                .isInstanceOfSatisfying(PaymentProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT));
        assertThatThrownBy(() -> payments.sale(order, "42.00", "timeout-captured", "k-" + order))
                .as("a retry with the same key is answered too late as well")
                .isInstanceOfSatisfying(PaymentProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT));
        assertThat(row("k-" + order).netCharged()).as("the money was taken").isEqualByComparingTo("42.00");

        CancelResult cancelled = cancel("k-" + order, "c-" + order);

        assertThat(cancelled.status()).isEqualTo(CancelStatus.REFUNDED);
        assertThat(cancelled.refunded()).isEqualByComparingTo("42.00");
        assertThat(payments.sandbox.ledger().paymentsFor(order)).singleElement().satisfies(e -> {
            assertThat(e.paymentId()).isEqualTo(cancelled.paymentId());
            assertThat(e.netCharged()).isZero();
        });
        assertThat(payments.sandbox.ledger().refundsOf(cancelled.paymentId())).hasSize(1);
    }

    @Test
    void voidsAPendingChargeSoItsSettlementCannotCaptureIt() {
        String order = orderRef();
        PaymentResult pending = payments.sale(order, "9.00", "pending-manual", "k-" + order);

        CancelResult cancelled = cancel("k-" + order, "c-" + order);

        assertThat(cancelled).isEqualTo(new CancelResult(CancelStatus.VOIDED, pending.paymentId(), null, null));
        assertThat(payments.sandbox.settle(pending.paymentId(), true)).isFalse();
        assertThat(payments.provider.find(pending.paymentId())).get().satisfies(p -> {
            assertThat(p.status()).isEqualTo(PaymentStatus.DECLINED);
            assertThat(p.captured()).isFalse();
        });
        assertThat(row("k-" + order).status()).isEqualTo(LedgerEntry.VOIDED);
    }

    @Test
    void voidsAnAuthorizationSoItCannotBeCapturedLater() {
        String order = orderRef();
        PaymentResult authorized = payments.provider.authorize(
                new PaymentRequest(order, new BigDecimal("15.00"), "EUR", "tok_visa", false), "k-" + order);

        CancelResult cancelled = cancel("k-" + order, "c-" + order);
        PaymentResult capture = payments.provider.capture(authorized.paymentId(), "cap-" + order);

        assertThat(cancelled.status()).isEqualTo(CancelStatus.VOIDED);
        assertThat(capture.captured()).isFalse();
        assertThat(row("k-" + order).status()).isEqualTo(LedgerEntry.VOIDED);
    }

    @Test
    void answersNotChargedForADeclinedCharge() {
        String order = orderRef();
        PaymentResult declined = payments.sale(order, "3.13", "tok_visa", "k-" + order);

        assertThat(cancel("k-" + order, "c-" + order))
                .isEqualTo(new CancelResult(CancelStatus.NOT_CHARGED, declined.paymentId(), null, null));
        assertThat(row("k-" + order).status()).isEqualTo(LedgerEntry.DECLINED);
    }

    @Test
    void refundsWhatIsLeftOfAPartlyRefundedCharge() {
        String order = orderRef();
        PaymentResult paid = payments.sale(order, "30.00", "tok_visa", "k-" + order);
        payments.provider.refund(new RefundRequest(paid.paymentId(), new BigDecimal("10.00")), "r-" + order);

        CancelResult cancelled = cancel("k-" + order, "c-" + order);

        assertThat(cancelled.refunded()).isEqualByComparingTo("20.00");
        assertThat(row("k-" + order).netCharged()).isZero();
    }

    @Test
    void neverLeavesAChargeCapturedAndKeptWhenItsCancellationRacesIt() throws Exception {
        HttpPaymentProvider patient = payments.patientProvider();
        String batch = orderRef();
        int pairs = 60;
        ExecutorService pool = Executors.newFixedThreadPool(2 * pairs);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<PaymentResult>> charges = new ArrayList<>();
        List<Future<CancelResult>> cancels = new ArrayList<>();
        try {
            for (int i = 0; i < pairs; i++) {
                String key = batch + "-" + i;
                // 'slow' answers after capturing: the cancellation may see the captured row before its charge answers
                String token = i % 3 == 0 ? "slow" : "tok_visa";
                Callable<PaymentResult> charge = () -> {
                    go.await();
                    return patient.authorize(PaymentRequest.sale(batch, new BigDecimal("5.00"), "EUR", token), key);
                };
                Callable<CancelResult> cancel = () -> {
                    go.await();
                    return patient.cancel(new CancelRequest(key, null), "c-" + key);
                };
                charges.add(pool.submit(charge));
                cancels.add(pool.submit(cancel));
            }
            go.countDown();
            for (int i = 0; i < pairs; i++) {
                PaymentResult charged = charges.get(i).get();
                CancelResult cancelled = cancels.get(i).get();
                LedgerEntry row = row(batch + "-" + i);
                if (cancelled.status() == CancelStatus.VOIDED) {
                    assertThat(charged.status()).as("charge %d after its key was voided", i)
                            .isEqualTo(PaymentStatus.DECLINED);
                    assertThat(row.voidedBeforeCharge()).isTrue();
                } else {
                    assertThat(cancelled.status()).as("cancellation %d", i).isEqualTo(CancelStatus.REFUNDED);
                    assertThat(charged.paymentId()).isEqualTo(cancelled.paymentId());
                    assertThat(row.status()).isEqualTo(LedgerEntry.CAPTURED);
                    assertThat(payments.sandbox.ledger().refundsOf(row.paymentId())).hasSize(1);
                }
                assertThat(row.netCharged()).as("money kept for charge %d", i).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(payments.sandbox.ledger().paymentsFor(batch)).allSatisfy(e -> assertThat(e.netCharged()).isZero());
    }

    @Test
    void refundsOnceWhenManyCancellationsOfOneChargeRace() throws Exception {
        String order = orderRef();
        PaymentResult paid = payments.sale(order, "50.00", "tok_visa", "k-" + order);
        HttpPaymentProvider patient = payments.patientProvider();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<CancelResult>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                // half of them repeat one key (a retried job), the others each have their own
                String cancelKey = "c-" + order + "-" + (i % 2 == 0 ? 0 : i);
                calls.add(pool.submit(() -> {
                    go.await();
                    return patient.cancel(new CancelRequest("k-" + order, null), cancelKey);
                }));
            }
            go.countDown();
            for (Future<CancelResult> call : calls) {
                assertThat(call.get().status()).isEqualTo(CancelStatus.REFUNDED);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(payments.sandbox.ledger().refundsOf(paid.paymentId())).singleElement()
                .extracting(RefundEntry::amount).isEqualTo(new BigDecimal("50.00"));
        assertThat(row("k-" + order).netCharged()).isZero();
    }
}
