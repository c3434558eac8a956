-- Accounts, API tokens and the audit trail. Same logical schema as db/migration/duckdb/V10__accounts.sql; see
-- org.envmon.store.AccountStore and org.envmon.store.AuditStore. Only hashes are stored: the password encoded by the
-- application ({bcrypt}...), the SHA-256 of a token's secret.

CREATE TABLE accounts (
    name           TEXT PRIMARY KEY,
    password_hash  TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('admin', 'operator', 'maintainer')),
    division_level TEXT NOT NULL CHECK (division_level IN ('national', 'province', 'city', 'county')),
    division_name  TEXT,
    enabled        BOOLEAN NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);

CREATE SEQUENCE api_tokens_id_seq AS BIGINT;

CREATE TABLE api_tokens (
    id           BIGINT PRIMARY KEY,
    name         TEXT NOT NULL,
    secret_hash  TEXT NOT NULL UNIQUE,
    owner        TEXT NOT NULL REFERENCES accounts (name),
    role         TEXT NOT NULL CHECK (role IN ('admin', 'operator', 'maintainer')),
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ,
    revoked      BOOLEAN NOT NULL
);

CREATE SEQUENCE audit_log_id_seq AS BIGINT;

-- Append-only: UPDATE and DELETE are refused by trigger, as for the raw packets and the chain.
CREATE TABLE audit_log (
    id      BIGINT PRIMARY KEY,
    recorded_at TIMESTAMPTZ NOT NULL,
    actor   TEXT NOT NULL,
    action  TEXT NOT NULL,
    target  TEXT,
    origin  TEXT,
    outcome TEXT
);
CREATE INDEX audit_log_at_idx ON audit_log (recorded_at);
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION envmon_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION envmon_append_only();
