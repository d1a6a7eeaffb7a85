-- Role grants managed through /admin/policies (the policy file's grants are never stored).
CREATE TABLE authz_grants (
    subject VARCHAR(140) NOT NULL,
    role    VARCHAR(128) NOT NULL,
    domain  VARCHAR(64)  NOT NULL,
    PRIMARY KEY (subject, role, domain)
);
