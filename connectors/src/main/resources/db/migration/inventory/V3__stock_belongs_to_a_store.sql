-- Stock belongs to a store of the stores table (db/migration/stores, migrated before this), and every row that a
-- flow writes carries the tenant of that flow. Portable H2 / PostgreSQL.

-- Stores that transfers or adjustments made before the stores table existed: kept, as tenantless stores.
INSERT INTO stores (id, name)
    SELECT DISTINCT store, store FROM stock WHERE store NOT IN (SELECT id FROM stores);
INSERT INTO stores (id, name)
    SELECT DISTINCT store, store FROM stock_reservations WHERE store NOT IN (SELECT id FROM stores);

ALTER TABLE stock ADD CONSTRAINT stock_store FOREIGN KEY (store) REFERENCES stores (id);
ALTER TABLE stock_reservations ADD CONSTRAINT stock_reservations_store FOREIGN KEY (store) REFERENCES stores (id);

-- Rows written before: the tenant of their store.
ALTER TABLE stock_reservations ADD COLUMN tenant VARCHAR(64);
UPDATE stock_reservations SET tenant = (SELECT s.tenant FROM stores s WHERE s.id = stock_reservations.store);

ALTER TABLE stock_movements ADD COLUMN tenant VARCHAR(64);
UPDATE stock_movements SET tenant = (SELECT s.tenant FROM stores s WHERE s.id = stock_movements.store);

-- A transfer's or adjustment's key: the tenant of the stock it moved.
ALTER TABLE inventory_applied_keys ADD COLUMN tenant VARCHAR(64);
UPDATE inventory_applied_keys SET tenant = (SELECT MAX(m.tenant) FROM stock_movements m
                                             WHERE m.idem_key = inventory_applied_keys.idem_key);
