-- Cancelling a charge whose outcome is unknown (PaymentProvider.cancel). The cancellation and a late or retried
-- charge race for the same charge key, and the unique key of this table (sandbox_payment_ledger_key, from V1)
-- decides: whoever inserts first wins, the other reads the winner's row. A cancellation that wins writes a row of
-- status VOIDED under the charge key; it has no order, amount or currency (no charge was ever seen), and a charge
-- arriving later with that key is declined. A cancellation that loses undoes the charge it finds: an authorized or
-- pending one becomes VOIDED, a captured one stays CAPTURED and is refunded in full (a row in
-- sandbox_refund_ledger, reason 'cancelled…').
-- Statuses are now: AUTHORIZED, CAPTURED, DECLINED, PENDING, FAILED, VOIDED.
ALTER TABLE sandbox_payment_ledger ALTER COLUMN order_ref DROP NOT NULL;
ALTER TABLE sandbox_payment_ledger ALTER COLUMN amount DROP NOT NULL;
ALTER TABLE sandbox_payment_ledger ALTER COLUMN currency DROP NOT NULL;

-- Only a voided key may lack the charge's details.
ALTER TABLE sandbox_payment_ledger ADD CONSTRAINT sandbox_payment_ledger_details
    CHECK (status = 'VOIDED' OR (order_ref IS NOT NULL AND amount IS NOT NULL AND currency IS NOT NULL));
