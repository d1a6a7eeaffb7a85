-- Stores and the tenant each belongs to (portable H2 / PostgreSQL). A store id is unique across tenants; a NULL
-- tenant is a store of the flows without a tenant. Stock, menu items and orders name their store (foreign keys from
-- the inventory and orders migrations), and every connector checks that the store belongs to the tenant of the flow
-- that asks: another tenant's store answers as an unknown one. Stores are made here, never by a connector.
CREATE TABLE stores (
    id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    tenant  VARCHAR(64),
    name    VARCHAR(200) NOT NULL
);

CREATE INDEX stores_tenant ON stores (tenant);

-- The restaurant example: tenant bistro owns the two stores of the original menu, tenant diner two stores of its own.
INSERT INTO stores (id, tenant, name) VALUES
    ('downtown', 'bistro', 'Bistro Downtown'),
    ('uptown',   'bistro', 'Bistro Uptown'),
    ('harbour',  'diner',  'Diner Harbour'),
    ('station',  'diner',  'Diner Station');
