-- Messages that arrived before their instance waited for them (a provider's callback faster than the flow):
-- kept until expires_at and delivered as soon as exactly one instance waits. Portable H2 / PostgreSQL; times are
-- epoch milliseconds; variables is JSON text.
CREATE TABLE flow_pending_messages (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    flow_key      VARCHAR(255)  NOT NULL,
    message_name  VARCHAR(255)  NOT NULL,
    business_key  VARCHAR(255)  NOT NULL,
    tenant_id     VARCHAR(64),
    variables     TEXT          NOT NULL,
    created_at    BIGINT        NOT NULL,
    expires_at    BIGINT        NOT NULL
);

CREATE INDEX flow_pending_messages_age ON flow_pending_messages (created_at);
