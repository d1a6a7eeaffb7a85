-- One row that every change of the stored grants updates first, in its own transaction: changes on every node take
-- turns, so a platform admin replacing every grant and a tenant admin replacing its own domain's never interleave.
CREATE TABLE authz_grant_writes (
    id      INTEGER NOT NULL PRIMARY KEY,
    version BIGINT  NOT NULL
);

INSERT INTO authz_grant_writes (id, version) VALUES (1, 0);
