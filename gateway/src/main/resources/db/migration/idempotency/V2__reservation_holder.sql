-- The node holding a reservation (its id in cluster_nodes): a reservation whose node is gone (stopped, found dead)
-- is free at once instead of after the lock timeout. Null for answers and for rows written before this column.
ALTER TABLE idempotency_keys ADD COLUMN holder VARCHAR(200);
