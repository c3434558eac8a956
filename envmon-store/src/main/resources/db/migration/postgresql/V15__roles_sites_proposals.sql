-- Roles enterprise (排污单位, its own sources) and analyst (a data-sharing partner, read-only through tokens);
-- the sites linked to an account (a maintainer's assigned stations, an enterprise's sources); review proposals
-- (a maintainer proposes, an operator of the division decides). Same logical schema as
-- db/migration/duckdb/V15__roles_sites_proposals.sql.

ALTER TABLE accounts DROP CONSTRAINT accounts_role_check;
ALTER TABLE accounts ADD CONSTRAINT accounts_role_check
    CHECK (role IN ('admin', 'operator', 'maintainer', 'enterprise', 'analyst'));
ALTER TABLE api_tokens DROP CONSTRAINT api_tokens_role_check;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_role_check
    CHECK (role IN ('admin', 'operator', 'maintainer', 'enterprise', 'analyst'));

CREATE TABLE account_sites (
    account   TEXT NOT NULL REFERENCES accounts (name),
    site_code TEXT NOT NULL,
    PRIMARY KEY (account, site_code)
);

CREATE SEQUENCE review_proposals_id_seq AS BIGINT;

CREATE TABLE review_proposals (
    id          BIGINT PRIMARY KEY,
    site_code   TEXT NOT NULL,
    parameter   TEXT,
    "interval"  TEXT,
    from_time   TIMESTAMPTZ NOT NULL,
    to_time     TIMESTAMPTZ NOT NULL,
    decision    TEXT NOT NULL,
    reason      TEXT NOT NULL,
    proposed_by TEXT NOT NULL,
    proposed_at TIMESTAMPTZ NOT NULL,
    state       TEXT NOT NULL CHECK (state IN ('pending', 'accepted', 'rejected')),
    decided_by  TEXT,
    decided_at  TIMESTAMPTZ,
    note        TEXT,
    review_id   BIGINT
);
CREATE INDEX review_proposals_site_idx ON review_proposals (site_code);
