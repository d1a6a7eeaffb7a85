-- The Flowgate nodes that ran on this database (io.flowgate.engine.internal.NodeMembership): one row per node (the
-- id is also the owner of the job locks its job executor takes), its heartbeat written every few seconds while it
-- runs, stopped_at set when it shut down cleanly or was found dead. A node whose heartbeat is older than the node
-- timeout is dead: a live node releases its job locks. The newest heartbeat of all rows is the last moment the
-- cluster was known to be up, which measures a downtime of the whole cluster. Times are epoch milliseconds of the
-- writing node's clock. Portable H2 / PostgreSQL.
CREATE TABLE cluster_nodes (
    node_id       VARCHAR(200)  NOT NULL,
    host          VARCHAR(255)  NOT NULL,
    pid           BIGINT        NOT NULL,
    started_at    BIGINT        NOT NULL,
    heartbeat_at  BIGINT        NOT NULL,
    stopped_at    BIGINT,
    CONSTRAINT cluster_nodes_pk PRIMARY KEY (node_id)
);

-- One row, locked (SELECT ... FOR UPDATE) by whoever recovers from a dead node or a downtime of the whole cluster,
-- so that two nodes starting (or noticing a death) at once do not both postpone the same deadlines.
CREATE TABLE cluster_recovery_lock (
    id  INT  NOT NULL,
    CONSTRAINT cluster_recovery_lock_pk PRIMARY KEY (id)
);

INSERT INTO cluster_recovery_lock (id) VALUES (1);
