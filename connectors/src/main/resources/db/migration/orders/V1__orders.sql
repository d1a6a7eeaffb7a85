-- Orders module tables (portable H2 / PostgreSQL). Money is in minor units (cents); times are epoch milliseconds.

-- What each store sells and at what price: the only source of an order's total (a client's total is never used).
CREATE TABLE menu_items (
    store             VARCHAR(64)  NOT NULL,
    sku               VARCHAR(64)  NOT NULL,
    name              VARCHAR(200) NOT NULL,
    unit_price_minor  BIGINT       NOT NULL,
    currency          CHAR(3)      NOT NULL,
    PRIMARY KEY (store, sku),
    CONSTRAINT menu_items_price_not_negative CHECK (unit_price_minor >= 0)
);

-- create_key is the idempotency key of the order.create call that made the row: a re-delivered call finds it.
-- version is bumped by every transition; transitions are compare-and-set on it.
CREATE TABLE orders (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    create_key   VARCHAR(300) NOT NULL,
    store        VARCHAR(64)  NOT NULL,
    customer     VARCHAR(200) NOT NULL,
    state        VARCHAR(16)  NOT NULL,
    total_minor  BIGINT       NOT NULL,
    currency     CHAR(3)      NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   BIGINT       NOT NULL,
    updated_at   BIGINT       NOT NULL,
    CONSTRAINT orders_create_key UNIQUE (create_key)
);

CREATE TABLE order_lines (
    order_id          VARCHAR(36)  NOT NULL REFERENCES orders (id),
    line_no           INTEGER      NOT NULL,
    sku               VARCHAR(64)  NOT NULL,
    name              VARCHAR(200) NOT NULL,
    qty               INTEGER      NOT NULL,
    unit_price_minor  BIGINT       NOT NULL,
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT order_lines_qty_positive CHECK (qty > 0)
);

-- Every applied transition, once per (order, idempotency key): the audit trail, and the answer replayed when the
-- same order.transition call is delivered again after the order has moved on.
CREATE TABLE order_transitions (
    order_id    VARCHAR(36)  NOT NULL REFERENCES orders (id),
    idem_key    VARCHAR(300) NOT NULL,
    from_state  VARCHAR(16)  NOT NULL,
    to_state    VARCHAR(16)  NOT NULL,
    version     BIGINT       NOT NULL,
    applied_at  BIGINT       NOT NULL,
    PRIMARY KEY (order_id, idem_key)
);
