-- Events out: the relays that carry the outbox (outbox_events) to Kafka and to webhook subscribers.
-- Portable H2 / PostgreSQL; times are epoch milliseconds.

-- One lease per relay: only the node holding an unexpired lease relays, so N nodes do not all publish. Taken and
-- renewed with a compare-and-set UPDATE (owner = me OR expired); another node takes over once it expires.
CREATE TABLE event_relay_leases (
    name        VARCHAR(40)   NOT NULL PRIMARY KEY,
    owner       VARCHAR(200),
    expires_at  BIGINT        NOT NULL
);
INSERT INTO event_relay_leases (name, owner, expires_at) VALUES ('kafka', NULL, 0);
INSERT INTO event_relay_leases (name, owner, expires_at) VALUES ('webhooks', NULL, 0);

-- What each relay has handled. Outbox seqs are assigned at insert, not at commit, so a smaller seq may become
-- visible after a larger one: a relay records every row it handled (event_relay_handled) and keeps a cursor below
-- which everything is handled; the cursor moves over a missing seq only once that gap is older than the gap timeout.
CREATE TABLE event_relay_cursors (
    relay            VARCHAR(40)  NOT NULL PRIMARY KEY,
    handled_through  BIGINT       NOT NULL
);
INSERT INTO event_relay_cursors (relay, handled_through) VALUES ('kafka', 0);
INSERT INTO event_relay_cursors (relay, handled_through) VALUES ('webhooks', 0);

CREATE TABLE event_relay_handled (
    relay       VARCHAR(40)  NOT NULL,
    seq         BIGINT       NOT NULL,
    handled_at  BIGINT       NOT NULL,
    PRIMARY KEY (relay, seq)
);

-- Webhook subscriptions. event_types: comma-separated patterns (order.*, instance.completed, *). A subscription gets
-- the events after from_seq (the outbox's last seq when it was made), only of its tenant when it has one.
CREATE TABLE webhook_subscriptions (
    id           VARCHAR(36)    NOT NULL PRIMARY KEY,
    url          VARCHAR(2000)  NOT NULL,
    event_types  VARCHAR(2000)  NOT NULL,
    secret       VARCHAR(200)   NOT NULL,
    description  VARCHAR(500),
    tenant       VARCHAR(64),
    from_seq     BIGINT         NOT NULL,
    created_at   BIGINT         NOT NULL,
    created_by   VARCHAR(200)
);

-- One row per (subscription, event) not delivered yet: PENDING (due at next_attempt_at) or DEAD (parked after the
-- last attempt, until an admin replays it). Delivered rows are deleted. body is the CloudEvent JSON that is signed.
CREATE TABLE webhook_deliveries (
    subscription_id  VARCHAR(36)   NOT NULL,
    event_id         VARCHAR(36)   NOT NULL,
    seq              BIGINT        NOT NULL,
    event_type       VARCHAR(100)  NOT NULL,
    subject          VARCHAR(300)  NOT NULL,
    body             TEXT          NOT NULL,
    state            VARCHAR(8)    NOT NULL,
    attempts         INTEGER       NOT NULL,
    next_attempt_at  BIGINT        NOT NULL,
    last_status      INTEGER,
    last_error       VARCHAR(500),
    created_at       BIGINT        NOT NULL,
    dead_at          BIGINT,
    PRIMARY KEY (subscription_id, event_id),
    CONSTRAINT webhook_deliveries_subscription FOREIGN KEY (subscription_id)
        REFERENCES webhook_subscriptions (id) ON DELETE CASCADE
);

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at);
-- the head of each (subscription, subject) line: a later event waits while an earlier one is pending
CREATE INDEX webhook_deliveries_line ON webhook_deliveries (subscription_id, subject, seq);
