-- Flowgate contracts: every published version is kept; the head row says which is newest and whether the
-- contract is deleted (a tombstone: versions stay for history, numbering continues on republish).
-- Portable SQL: runs on H2 (single node) and PostgreSQL (cluster).

CREATE TABLE contract_heads (
    name           VARCHAR(63)              NOT NULL PRIMARY KEY,
    latest_version INTEGER                  NOT NULL,
    deleted        BOOLEAN                  NOT NULL,
    deleted_at     TIMESTAMP WITH TIME ZONE
);

CREATE TABLE contract_versions (
    name            VARCHAR(63)              NOT NULL,
    version         INTEGER                  NOT NULL,
    source          TEXT                     NOT NULL,
    sha256          CHAR(64)                 NOT NULL,
    operation_count INTEGER                  NOT NULL,
    published_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (name, version)
);
