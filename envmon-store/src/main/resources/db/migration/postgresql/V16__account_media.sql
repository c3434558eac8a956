-- The media an account's grant covers (an analyst, a data-sharing partner: a division AND a set of media such as
-- air and surface_water); no row = every medium, as granted before media were recorded. Same logical schema as
-- db/migration/duckdb/V16__account_media.sql.
CREATE TABLE account_media (
    account TEXT NOT NULL REFERENCES accounts (name),
    medium  TEXT NOT NULL,
    PRIMARY KEY (account, medium)
);
