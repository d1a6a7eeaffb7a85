-- Messages from outside (Kafka records of x-flow-triggers) that started or advanced an instance: one row per scope
-- (consumer group and topic) and message id, written in the same engine transaction as the start or correlation,
-- so a redelivered message finds its row and runs nothing twice. Portable H2 / PostgreSQL; received_at is epoch
-- milliseconds.
CREATE TABLE flow_received_messages (
    scope         VARCHAR(512)  NOT NULL,
    message_id    VARCHAR(255)  NOT NULL,
    flow_key      VARCHAR(255)  NOT NULL,
    action        VARCHAR(20)   NOT NULL,
    instance_id   VARCHAR(64),
    received_at   BIGINT        NOT NULL,
    CONSTRAINT flow_received_messages_pk PRIMARY KEY (scope, message_id)
);

CREATE INDEX flow_received_messages_age ON flow_received_messages (received_at);
