-- Roles enterprise (排污单位, its own sources) and analyst (a data-sharing partner, read-only through tokens);
-- the sites linked to an account (a maintainer's assigned stations, an enterprise's sources); review proposals
-- (a maintainer proposes, an operator of the division decides). Same logical schema as
-- db/migration/postgresql/V15__roles_sites_proposals.sql.

-- DuckDB cannot alter a CHECK constraint: the two tables are rebuilt with the new role list.
CREATE TABLE accounts_v15 (
    name           VARCHAR PRIMARY KEY,
    password_hash  VARCHAR NOT NULL,
    role           VARCHAR NOT NULL CHECK (role IN ('admin', 'operator', 'maintainer', 'enterprise', 'analyst')),
    division_level VARCHAR NOT NULL CHECK (division_level IN ('national', 'province', 'city', 'county')),
    division_name  VARCHAR,
    enabled        BOOLEAN NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);
INSERT INTO accounts_v15 SELECT name, password_hash, role, division_level, division_name, enabled, created_at
    FROM accounts;
DROP TABLE accounts;
ALTER TABLE accounts_v15 RENAME TO accounts;

CREATE TABLE api_tokens_v15 (
    id           BIGINT PRIMARY KEY,
    name         VARCHAR NOT NULL,
    secret_hash  VARCHAR NOT NULL UNIQUE,
    owner        VARCHAR NOT NULL, -- an account name; checked by the store (DuckDB cannot update a referenced row)
    role         VARCHAR NOT NULL CHECK (role IN ('admin', 'operator', 'maintainer', 'enterprise', 'analyst')),
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ,
    revoked      BOOLEAN NOT NULL
);
INSERT INTO api_tokens_v15 SELECT id, name, secret_hash, owner, role, created_at, expires_at, last_used_at, revoked
    FROM api_tokens;
DROP TABLE api_tokens;
ALTER TABLE api_tokens_v15 RENAME TO api_tokens;

CREATE TABLE account_sites (
    account   VARCHAR NOT NULL,
    site_code VARCHAR NOT NULL,
    PRIMARY KEY (account, site_code)
);

CREATE SEQUENCE review_proposals_id_seq START 1;

CREATE TABLE review_proposals (
    id          BIGINT PRIMARY KEY,
    site_code   VARCHAR NOT NULL,
    parameter   VARCHAR,
    "interval"  VARCHAR,
    from_time   TIMESTAMPTZ NOT NULL,
    to_time     TIMESTAMPTZ NOT NULL,
    decision    VARCHAR NOT NULL,
    reason      VARCHAR NOT NULL,
    proposed_by VARCHAR NOT NULL,
    proposed_at TIMESTAMPTZ NOT NULL,
    state       VARCHAR NOT NULL CHECK (state IN ('pending', 'accepted', 'rejected')),
    decided_by  VARCHAR,
    decided_at  TIMESTAMPTZ,
    note        VARCHAR,
    review_id   BIGINT
);
