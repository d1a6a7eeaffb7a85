-- Menu items and orders belong to a store of the stores table (db/migration/stores, migrated before this); an order
-- carries the tenant of the flow that created it (its lines and transitions belong to it through the order).
-- Portable H2 / PostgreSQL.

-- Stores that menus or orders named before the stores table existed: kept, as tenantless stores.
INSERT INTO stores (id, name)
    SELECT DISTINCT store, store FROM menu_items WHERE store NOT IN (SELECT id FROM stores);
INSERT INTO stores (id, name)
    SELECT DISTINCT store, store FROM orders WHERE store NOT IN (SELECT id FROM stores);

ALTER TABLE menu_items ADD CONSTRAINT menu_items_store FOREIGN KEY (store) REFERENCES stores (id);
ALTER TABLE orders ADD CONSTRAINT orders_store FOREIGN KEY (store) REFERENCES stores (id);

-- Orders made before: the tenant of their store.
ALTER TABLE orders ADD COLUMN tenant VARCHAR(64);
UPDATE orders SET tenant = (SELECT s.tenant FROM stores s WHERE s.id = orders.store);
