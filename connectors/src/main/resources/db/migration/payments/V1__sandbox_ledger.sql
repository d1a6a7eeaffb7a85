-- The sandbox payment provider's books. Not Flowgate's own record of payments: the stand-in for a real provider's
-- ledger, so tests can prove that every order was charged exactly once. Portable H2 / PostgreSQL; times are epoch
-- milliseconds. The unique idempotency keys make the first request with a key win: concurrent repeats fail on the
-- insert and answer the winner's row instead.
CREATE TABLE sandbox_payment_ledger (
    payment_id      VARCHAR(40)    NOT NULL PRIMARY KEY,
    idempotency_key VARCHAR(255)   NOT NULL,
    request_hash    VARCHAR(64)    NOT NULL,
    order_ref       VARCHAR(200)   NOT NULL,
    amount          DECIMAL(19, 2) NOT NULL,
    currency        VARCHAR(3)     NOT NULL,
    -- true: a sale (authorize and capture); false: authorize only
    capture         BOOLEAN        NOT NULL,
    -- AUTHORIZED, CAPTURED, DECLINED, PENDING (outcome still to come), FAILED (a pending payment that failed)
    status          VARCHAR(16)    NOT NULL,
    refunded_amount DECIMAL(19, 2) NOT NULL,
    reason          VARCHAR(500),
    created_at      BIGINT         NOT NULL,
    CONSTRAINT sandbox_payment_ledger_key UNIQUE (idempotency_key)
);

CREATE INDEX sandbox_payment_ledger_order ON sandbox_payment_ledger (order_ref);

-- One row per refund request that reached a decision, refused ones included (status DECLINED), so a repeated key
-- answers the same decision.
CREATE TABLE sandbox_refund_ledger (
    refund_id       VARCHAR(40)    NOT NULL PRIMARY KEY,
    idempotency_key VARCHAR(255)   NOT NULL,
    request_hash    VARCHAR(64)    NOT NULL,
    payment_id      VARCHAR(40)    NOT NULL,
    amount          DECIMAL(19, 2) NOT NULL,
    -- REFUNDED or DECLINED
    status          VARCHAR(16)    NOT NULL,
    reason          VARCHAR(500),
    created_at      BIGINT         NOT NULL,
    CONSTRAINT sandbox_refund_ledger_key UNIQUE (idempotency_key)
);

CREATE INDEX sandbox_refund_ledger_payment ON sandbox_refund_ledger (payment_id);
