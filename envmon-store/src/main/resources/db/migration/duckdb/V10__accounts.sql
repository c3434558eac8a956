-- Accounts, API tokens and the audit trail. Same logical schema as db/migration/postgresql/V10__accounts.sql; see
-- org.envmon.store.AccountStore and org.envmon.store.AuditStore. Only hashes are stored: the password encoded by the
-- application ({bcrypt}...), the SHA-256 of a token's secret.

CREATE TABLE accounts (
    name           VARCHAR PRIMARY KEY,
    password_hash  VARCHAR NOT NULL,
    role           VARCHAR NOT NULL CHECK (role IN ('admin', 'operator', 'maintainer')),
    division_level VARCHAR NOT NULL CHECK (division_level IN ('national', 'province', 'city', 'county')),
    division_name  VARCHAR,
    enabled        BOOLEAN NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);

CREATE SEQUENCE api_tokens_id_seq START 1;

CREATE TABLE api_tokens (
    id           BIGINT PRIMARY KEY,
    name         VARCHAR NOT NULL,
    secret_hash  VARCHAR NOT NULL UNIQUE,
    owner        VARCHAR NOT NULL, -- an account name; checked by the store (DuckDB cannot update a referenced row)
    role         VARCHAR NOT NULL CHECK (role IN ('admin', 'operator', 'maintainer')),
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ,
    revoked      BOOLEAN NOT NULL
);

CREATE SEQUENCE audit_log_id_seq START 1;

-- Append-only: the platform has no update or delete path.
CREATE TABLE audit_log (
    id      BIGINT PRIMARY KEY,
    recorded_at TIMESTAMPTZ NOT NULL,
    actor   VARCHAR NOT NULL,
    action  VARCHAR NOT NULL,
    target  VARCHAR,
    origin  VARCHAR,
    outcome VARCHAR
);
CREATE INDEX audit_log_at_idx ON audit_log (recorded_at);
