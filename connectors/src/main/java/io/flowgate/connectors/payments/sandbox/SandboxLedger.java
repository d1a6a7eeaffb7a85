package io.flowgate.connectors.payments.sandbox;

import io.flowgate.connectors.payments.sandbox.internal.LedgerStore;

import java.util.List;
import java.util.Optional;

/**
 * Read-only view of the sandbox's books, for tests and checks ("every paid order was charged exactly once"). The
 * same rows are in the tables {@code sandbox_payment_ledger} and {@code sandbox_refund_ledger}.
 *
 * <p>A cancelled charge ends in one of two clear states (details in {@link LedgerEntry}): a VOIDED row under the
 * charge's key (nothing was captured, and nothing will be), or its CAPTURED row fully refunded plus a REFUNDED refund
 * row whose reason starts with {@code cancelled}. Either way {@link LedgerEntry#netCharged()} is zero.
 */
public final class SandboxLedger {

    private final LedgerStore store;

    SandboxLedger(LedgerStore store) {
        this.store = store;
    }

    /** Every payment, oldest first: one row per distinct idempotency key that reached a decision. */
    public List<LedgerEntry> payments() {
        return store.payments("", null);
    }

    /** The payments for one order reference, oldest first. */
    public List<LedgerEntry> paymentsFor(String orderRef) {
        return store.payments("WHERE order_ref = ?", orderRef);
    }

    /** The row under a charge's idempotency key: its payment, or the key voided before any charge. */
    public Optional<LedgerEntry> paymentByKey(String idempotencyKey) {
        return store.paymentByKey(idempotencyKey).map(LedgerStore.Stored::entry);
    }

    public Optional<LedgerEntry> payment(String paymentId) {
        return store.payment(paymentId);
    }

    /** Every refund request that reached a decision, refused ones included, oldest first. */
    public List<RefundEntry> refunds() {
        return store.refunds("", null);
    }

    public List<RefundEntry> refundsOf(String paymentId) {
        return store.refunds("WHERE payment_id = ?", paymentId);
    }
}
