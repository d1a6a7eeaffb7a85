-- Flowgate users and the shared token-signing secret.
-- Portable SQL: runs on H2 (single node) and PostgreSQL (cluster).

CREATE TABLE users (
    username      VARCHAR(64)              NOT NULL PRIMARY KEY,
    -- bcrypt, "$2a$<cost>$<salt+hash>" (60 characters); never returned by the API
    password_hash VARCHAR(100)             NOT NULL,
    -- NULL: a platform-wide user (with role admin, the platform admin)
    tenant        VARCHAR(64),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE user_roles (
    username  VARCHAR(64) NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    role_name VARCHAR(64) NOT NULL,
    PRIMARY KEY (username, role_name)
);

CREATE INDEX user_roles_by_role ON user_roles (role_name);

-- One row per generated secret (name 'hs256'): every node on this database signs and verifies with the same one.
CREATE TABLE auth_signing_secrets (
    name       VARCHAR(32)              NOT NULL PRIMARY KEY,
    secret     VARCHAR(128)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
