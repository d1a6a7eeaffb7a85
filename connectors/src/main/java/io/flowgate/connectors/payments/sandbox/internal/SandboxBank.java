package io.flowgate.connectors.payments.sandbox.internal;

import io.flowgate.connectors.payments.CancelResult;
import io.flowgate.connectors.payments.CancelStatus;
import io.flowgate.connectors.payments.sandbox.LedgerEntry;
import io.flowgate.connectors.payments.sandbox.RefundEntry;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The sandbox provider's use cases, behind its HTTP API: charge, capture, refund, cancel, look up, settle a pending
 * payment (by hand, or later on its own: {@link Settlements}).
 *
 * <p>Idempotency: the first request with a key writes one ledger row (the unique key decides between concurrent
 * requests); every later request with that key gets that row back, flagged as a replay. A key reused for a different
 * request is refused ({@code 422 idempotency_key_reused}) rather than silently answered with another payment.
 *
 * <p>Cancelling a charge races the charge itself on the same unique key: the cancellation tries to claim the charge
 * key with a VOIDED row. If it wins, the charge, whenever it comes, finds the key voided and is declined; if the
 * charge won, the cancellation undoes what it finds (voids it before capture, or refunds it in full). No order of
 * events leaves a cancelled charge captured and kept.
 */
public final class SandboxBank {

    /** An answer and whether it repeats an earlier one. */
    public record Outcome<T>(T entry, boolean replayed) {
    }

    /** A charge as the HTTP API receives it. */
    public record Charge(String orderRef, BigDecimal amount, String currency, String paymentToken, boolean capture) {

        String hash() {
            return sha256(orderRef + "|" + amount.toPlainString() + "|" + currency + "|" + paymentToken + "|"
                    + capture);
        }
    }

    private static final Duration REPLAY_WAIT = Duration.ofSeconds(5);
    private static final String VOIDED = "voided";
    private static final String CANCELLED = "cancelled";
    /** A voided key's row answers no request of its own, so its hash matches none. */
    private static final String VOID_HASH = "-";
    /** An authorized or pending payment may be captured or settled between a look and a void: look again. */
    private static final int CANCEL_ATTEMPTS = 3;

    private final LedgerStore store;
    private final Duration slowDelay;
    private final Duration timeoutDelay;
    private final Clock clock;
    private final Settlements settlements;

    public SandboxBank(LedgerStore store, Duration slowDelay, Duration timeoutDelay, Clock clock,
                       Settlements settlements) {
        this.store = store;
        this.slowDelay = slowDelay;
        this.timeoutDelay = timeoutDelay;
        this.clock = clock;
        this.settlements = settlements;
    }

    public Outcome<LedgerEntry> charge(String key, Charge charge) {
        String hash = charge.hash();
        Steering steering = Steering.of(charge.paymentToken(), charge.amount());
        Optional<LedgerStore.Stored<LedgerEntry>> earlier = store.paymentByKey(key);
        if (earlier.isPresent()) {
            return answerLate(replayCharge(earlier.get(), hash, charge), steering);
        }
        if (steering == Steering.ERROR) {
            throw new SandboxFailure(500, "sandbox_error", "sandbox: steered to fail (token 'error')");
        }
        if (steering == Steering.TIMEOUT) {
            sleep(timeoutDelay);
            throw new SandboxFailure(504, "sandbox_timeout", "sandbox: steered to time out (token 'timeout')");
        }
        LedgerEntry entry = newEntry(key, charge, steering);
        if (!store.insertPayment(entry, hash)) {
            return answerLate(replayCharge(awaitPayment(key), hash, charge), steering);
        }
        if (steering == Steering.PENDING || steering == Steering.PENDING_DECLINE) {
            settlements.later(entry.paymentId(), steering == Steering.PENDING);
        } else if (steering == Steering.SLOW) {
            sleep(slowDelay);
        } else if (steering == Steering.TIMEOUT_ONCE) {
            sleep(timeoutDelay);
        }
        return answerLate(new Outcome<>(entry, false), steering);
    }

    /**
     * Cancels the charge made, or still to be made, under {@code chargeKey}; see
     * {@code PaymentProvider.cancel}. A captured charge is refunded in full under the cancellation's {@code key}, so
     * repeating the cancellation replays that refund instead of making another.
     */
    public CancelResult cancel(String key, String chargeKey, String reason) {
        String voided = reason == null ? VOIDED : VOIDED + ": " + reason;
        LedgerEntry claim = new LedgerEntry(newId("pay_"), chargeKey, null, null, null, false, LedgerEntry.VOIDED,
                BigDecimal.ZERO.setScale(2), voided, clock.instant());
        if (store.insertPayment(claim, VOID_HASH)) {
            return new CancelResult(CancelStatus.VOIDED, null, null, null);
        }
        for (int attempt = 0; attempt < CANCEL_ATTEMPTS; attempt++) {
            LedgerEntry charge = awaitPayment(chargeKey).entry();
            switch (charge.status()) {
                case LedgerEntry.VOIDED -> {
                    return new CancelResult(CancelStatus.VOIDED,
                            charge.voidedBeforeCharge() ? null : charge.paymentId(), null, null);
                }
                case LedgerEntry.DECLINED, LedgerEntry.FAILED -> {
                    return new CancelResult(CancelStatus.NOT_CHARGED, charge.paymentId(), null, null);
                }
                case LedgerEntry.CAPTURED -> {
                    return refundInFull(key, charge, reason);
                }
                default -> {
                    // AUTHORIZED or PENDING: void it unless a capture or settlement gets there first
                    if (store.transition(charge.paymentId(), charge.status(), LedgerEntry.VOIDED, voided)) {
                        return new CancelResult(CancelStatus.VOIDED, charge.paymentId(), null, null);
                    }
                }
            }
        }
        throw new SandboxFailure(409, "payment_changing", "the payment under key " + chargeKey
                + " kept changing while it was being cancelled; retry");
    }

    /** Captures an authorized payment; a payment in any other state is answered as it is. */
    public LedgerEntry capture(String paymentId) {
        store.transition(paymentId, LedgerEntry.AUTHORIZED, LedgerEntry.CAPTURED, null);
        return find(paymentId).orElseThrow(() -> notFound(paymentId));
    }

    /** Refunds {@code amount}, or everything not refunded yet when null. */
    public Outcome<RefundEntry> refund(String key, String paymentId, BigDecimal amount) {
        String hash = refundHash(paymentId, amount);
        Optional<LedgerStore.Stored<RefundEntry>> earlier = store.refundByKey(key);
        if (earlier.isPresent()) {
            return replay(earlier.get(), hash);
        }
        LedgerEntry payment = find(paymentId).orElseThrow(() -> notFound(paymentId));
        BigDecimal left = payment.voidedBeforeCharge() ? BigDecimal.ZERO.setScale(2)
                : payment.amount().subtract(payment.refundedAmount());
        BigDecimal wanted = amount == null ? left : amount;
        String refusal = refusal(payment, wanted, left);
        RefundEntry refund = new RefundEntry(newId("re_"), key, paymentId, wanted.max(BigDecimal.ZERO).setScale(2),
                refusal == null ? RefundEntry.REFUNDED : RefundEntry.DECLINED, refusal, clock.instant());
        // a concurrent refund may have taken what was left between the check above and the update
        String lateRefusal = "refund of " + wanted + " exceeds what is left to refund";
        Optional<RefundEntry> written = store.insertRefund(refund, hash, lateRefusal);
        return written.map(r -> new Outcome<>(r, false)).orElseGet(() -> replay(awaitRefund(key), hash));
    }

    public Optional<LedgerEntry> find(String paymentId) {
        return store.payment(paymentId);
    }

    /** Resolves a pending payment, as the real provider would before calling back. False when it was not pending. */
    public boolean settle(String paymentId, boolean approved) {
        return settlements.settle(paymentId, approved);
    }

    /** The settlement endpoint: settles a pending payment and answers it as it now is. */
    public LedgerEntry settlement(String paymentId, boolean approved) {
        if (!settlements.settle(paymentId, approved)) {
            LedgerEntry payment = find(paymentId).orElseThrow(() -> notFound(paymentId));
            throw new SandboxFailure(409, "payment_not_pending", "payment " + paymentId + " is " + payment.status()
                    + ", only a PENDING payment can be settled");
        }
        return find(paymentId).orElseThrow(() -> notFound(paymentId));
    }

    /**
     * Refunds what is left of a captured charge under the cancellation's key; a payment refunded in full before needs
     * no refund row. A repeated cancellation finds its refund under the key and answers it again.
     */
    private CancelResult refundInFull(String key, LedgerEntry charge, String reason) {
        String hash = refundHash(charge.paymentId(), null);
        Optional<RefundEntry> refund = store.refundByKey(key).map(stored -> replay(stored, hash).entry());
        if (refund.isEmpty()) {
            RefundEntry rest = new RefundEntry(newId("re_"), key, charge.paymentId(), BigDecimal.ZERO.setScale(2),
                    RefundEntry.REFUNDED, reason == null ? CANCELLED : CANCELLED + ": " + reason, clock.instant());
            refund = store.refundRest(rest, hash)
                    .or(() -> store.refundByKey(key).map(stored -> replay(stored, hash).entry()));
        }
        if (refund.isPresent() && RefundEntry.REFUNDED.equals(refund.get().status())) {
            return new CancelResult(CancelStatus.REFUNDED, charge.paymentId(), refund.get().refundId(),
                    refund.get().amount());
        }
        LedgerEntry now = find(charge.paymentId()).orElseThrow(() -> notFound(charge.paymentId()));
        if (now.netCharged().signum() > 0) {
            // only a refund refused earlier under this very key can get here: the key belongs to another request
            throw new SandboxFailure(422, "idempotency_key_reused",
                    "this Idempotency-Key was used for a refund that was refused");
        }
        return new CancelResult(CancelStatus.REFUNDED, charge.paymentId(), null, null);
    }

    /**
     * A charge whose key a cancellation voided before it arrived is declined (reason {@code voided}), answered with
     * the charge's own details since the voided row has none; any other row is a plain replay.
     */
    private static Outcome<LedgerEntry> replayCharge(LedgerStore.Stored<LedgerEntry> stored, String hash,
                                                     Charge charge) {
        LedgerEntry e = stored.entry();
        if (!e.voidedBeforeCharge()) {
            return replay(stored, hash);
        }
        return new Outcome<>(new LedgerEntry(e.paymentId(), e.idempotencyKey(), charge.orderRef(), charge.amount(),
                charge.currency(), charge.capture(), e.status(), e.refundedAmount(), e.reason(), e.createdAt()), true);
    }

    /** 'timeout-captured': whatever was taken under the key, the answer never arrives in time. */
    private Outcome<LedgerEntry> answerLate(Outcome<LedgerEntry> outcome, Steering steering) {
        if (steering == Steering.TIMEOUT_CAPTURED && !LedgerEntry.VOIDED.equals(outcome.entry().status())) {
            sleep(timeoutDelay);
        }
        return outcome;
    }

    private static String refundHash(String paymentId, BigDecimal amount) {
        return sha256(paymentId + "|" + (amount == null ? "full" : amount.toPlainString()));
    }

    private static String refusal(LedgerEntry payment, BigDecimal wanted, BigDecimal left) {
        if (!LedgerEntry.CAPTURED.equals(payment.status())) {
            return "payment " + payment.paymentId() + " is not captured (" + payment.status() + ")";
        }
        if (left.signum() <= 0) {
            return "payment " + payment.paymentId() + " is already fully refunded";
        }
        if (wanted.compareTo(left) > 0) {
            return "refund of " + wanted + " exceeds what is left to refund (" + left + " of " + payment.amount()
                    + " " + payment.currency() + ")";
        }
        return null;
    }

    private LedgerEntry newEntry(String key, Charge charge, Steering steering) {
        String status = switch (steering) {
            case DECLINE -> LedgerEntry.DECLINED;
            case PENDING, PENDING_DECLINE, PENDING_MANUAL -> LedgerEntry.PENDING;
            default -> charge.capture() ? LedgerEntry.CAPTURED : LedgerEntry.AUTHORIZED;
        };
        String reason = steering == Steering.DECLINE ? steering.declineReason(charge.paymentToken()) : null;
        return new LedgerEntry(newId("pay_"), key, charge.orderRef(), charge.amount(), charge.currency(),
                charge.capture(), status, BigDecimal.ZERO.setScale(2), reason, clock.instant());
    }

    private static <T> Outcome<T> replay(LedgerStore.Stored<T> stored, String hash) {
        if (!stored.requestHash().equals(hash)) {
            throw new SandboxFailure(422, "idempotency_key_reused",
                    "this Idempotency-Key was used for a different request");
        }
        return new Outcome<>(stored.entry(), true);
    }

    // the winner of a concurrent insert may not have committed yet: look until it shows
    private LedgerStore.Stored<LedgerEntry> awaitPayment(String key) {
        return await(() -> store.paymentByKey(key), key);
    }

    private LedgerStore.Stored<RefundEntry> awaitRefund(String key) {
        return await(() -> store.refundByKey(key), key);
    }

    private static <T> T await(java.util.function.Supplier<Optional<T>> lookup, String key) {
        long deadline = System.nanoTime() + REPLAY_WAIT.toNanos();
        while (true) {
            Optional<T> found = lookup.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new SandboxFailure(409, "idempotency_key_in_use", "a request with key " + key
                        + " is still in progress");
            }
            sleep(Duration.ofMillis(10));
        }
    }

    private static SandboxFailure notFound(String paymentId) {
        return new SandboxFailure(404, "payment_not_found", "no payment " + paymentId);
    }

    private static String newId(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
