-- One row per scoped Idempotency-Key (hashed). The primary key makes the first reservation win: concurrent
-- reservations are inserts, and all but one fail on the key. Times are epoch milliseconds (portable H2/PostgreSQL).
CREATE TABLE idempotency_keys (
    key_hash     VARCHAR(64)   NOT NULL PRIMARY KEY,
    fingerprint  VARCHAR(64)   NOT NULL,
    state        VARCHAR(8)    NOT NULL,
    locked_until BIGINT        NOT NULL,
    expires_at   BIGINT        NOT NULL,
    status       INTEGER,
    headers      VARCHAR(8000),
    body         BYTEA
);

CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
