-- A kept message whose sender has no tenant of its own (tenant: instance, e.g. the platform's payment provider)
-- takes the tenant of its instance, found by flow and business key when it is delivered; tenant_id is then NULL.
ALTER TABLE flow_pending_messages ADD COLUMN tenant_of_instance BOOLEAN DEFAULT FALSE NOT NULL;
