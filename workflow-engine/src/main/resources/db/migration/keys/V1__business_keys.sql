-- Business keys held by running instances whose start declared them unique (x-flow-business-key-unique): one row
-- per tenant, flow and key, inserted in the start's own transaction and deleted in the transaction that ends the
-- instance. The primary key makes it race-free across nodes: of two concurrent starts with the same key, the
-- database lets one wait until the other commits and then refuses it. tenant_scope is '' for instances without a
-- tenant (a key column cannot be NULL). Portable H2 / PostgreSQL; created_at is epoch milliseconds.
CREATE TABLE flow_business_keys (
    tenant_scope  VARCHAR(64)   NOT NULL,
    flow_key      VARCHAR(255)  NOT NULL,
    business_key  VARCHAR(255)  NOT NULL,
    instance_id   VARCHAR(64)   NOT NULL,
    created_at    BIGINT        NOT NULL,
    CONSTRAINT flow_business_keys_pk PRIMARY KEY (tenant_scope, flow_key, business_key)
);
