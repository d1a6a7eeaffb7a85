-- Flowgate's own record of which payment belongs to which order and tenant (portable H2 / PostgreSQL; times are
-- epoch milliseconds). Not the provider's books (for the sandbox: sandbox_payment_ledger): a refund is only asked
-- for a payment recorded here for the tenant of the flow that asks, so a payment id from a request body cannot
-- reach another tenant's money. Payments charged before this table existed have no row and are not refunded by
-- payment.refund.
CREATE TABLE payment_refs (
    payment_id   VARCHAR(255) NOT NULL PRIMARY KEY,
    tenant       VARCHAR(64),
    order_id     VARCHAR(200) NOT NULL,
    -- the provider Idempotency-Key of the charge (payment.charge:<instance>:<activity>)
    charge_key   VARCHAR(255) NOT NULL,
    amount       DECIMAL(19, 2) NOT NULL,
    currency     VARCHAR(3)   NOT NULL,
    created_at   BIGINT       NOT NULL
);

CREATE INDEX payment_refs_order ON payment_refs (order_id);

-- Every refund the provider accepted (payment.refund, or payment.cancel giving a captured charge back), with the
-- payment, order and tenant it was made for. order_id is NULL for a cancelled charge whose answer never arrived.
CREATE TABLE refund_refs (
    refund_id    VARCHAR(255) NOT NULL PRIMARY KEY,
    payment_id   VARCHAR(255) NOT NULL,
    tenant       VARCHAR(64),
    order_id     VARCHAR(200),
    -- the provider Idempotency-Key of the refund or cancellation
    refund_key   VARCHAR(255) NOT NULL,
    amount       DECIMAL(19, 2),
    created_at   BIGINT       NOT NULL
);

CREATE INDEX refund_refs_payment ON refund_refs (payment_id);
