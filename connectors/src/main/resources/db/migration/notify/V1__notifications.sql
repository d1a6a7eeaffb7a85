-- Notifications written by the notify connector, for the console and the events feed. Portable H2 / PostgreSQL;
-- created_at is epoch milliseconds. The unique idempotency key (instance:activity) makes a retried or re-delivered
-- job find the first record instead of writing a second one.
CREATE TABLE notifications (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    channel         VARCHAR(64)   NOT NULL,
    subject         VARCHAR(500)  NOT NULL,
    message         VARCHAR(4000),
    -- the connector's data input as JSON text, may be null
    data            TEXT,
    instance_id     VARCHAR(64),
    activity_id     VARCHAR(255),
    idempotency_key VARCHAR(400)  NOT NULL,
    created_at      BIGINT        NOT NULL,
    CONSTRAINT notifications_key UNIQUE (idempotency_key)
);

CREATE INDEX notifications_channel_time ON notifications (channel, created_at);
