-- A notification carries the tenant of the flow that wrote it. Rows written before have none (NULL): nothing tells
-- which tenant their flow ran in, so they count as tenantless.
ALTER TABLE notifications ADD COLUMN tenant VARCHAR(64);
