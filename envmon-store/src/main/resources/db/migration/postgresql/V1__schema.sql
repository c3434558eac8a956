-- EnvMon schema, PostgreSQL flavour. Same logical schema as db/migration/duckdb/V1__schema.sql.
-- Times are TIMESTAMPTZ holding UTC instants (microsecond precision). Objects are created in the connection's
-- current schema (currentSchema= in the JDBC URL).

CREATE TABLE sites (
    code          TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    medium        TEXT NOT NULL,
    mn            TEXT UNIQUE,
    password_hash TEXT,
    province      TEXT,
    city          TEXT,
    county        TEXT,
    basin         TEXT,
    latitude      DOUBLE PRECISION,
    longitude     DOUBLE PRECISION,
    control       BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE parameters (
    code     TEXT PRIMARY KEY,
    name_zh  TEXT,
    name_en  TEXT,
    unit     TEXT,
    decimals INTEGER,
    category TEXT
);

-- Ids are taken from this sequence in bulk by the writer.
CREATE SEQUENCE raw_packets_id_seq AS BIGINT;

CREATE TABLE raw_packets (
    id          BIGINT PRIMARY KEY,
    received_at TIMESTAMPTZ NOT NULL,
    peer        TEXT,
    source      TEXT NOT NULL,
    mn          TEXT,
    cn          TEXT,
    qn          TEXT,
    dedup_key   TEXT UNIQUE,
    crc_ok      BOOLEAN NOT NULL,
    bytes       BYTEA NOT NULL
);

-- raw_packets is evidence: append-only. Any UPDATE, DELETE or TRUNCATE raises.
CREATE FUNCTION raw_packets_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'raw_packets is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER raw_packets_no_update_delete
    BEFORE UPDATE OR DELETE ON raw_packets
    FOR EACH ROW EXECUTE FUNCTION raw_packets_append_only();

CREATE TRIGGER raw_packets_no_truncate
    BEFORE TRUNCATE ON raw_packets
    FOR EACH STATEMENT EXECUTE FUNCTION raw_packets_append_only();

-- No foreign keys on the hot insert path (sites and parameters may be registered after their first values).
CREATE TABLE observations (
    site_code   TEXT NOT NULL,
    parameter   TEXT NOT NULL,
    "interval"  TEXT NOT NULL,
    statistic   TEXT NOT NULL,
    "time"      TIMESTAMPTZ NOT NULL,
    value       DOUBLE PRECISION NOT NULL,
    flag        TEXT,
    received_at TIMESTAMPTZ NOT NULL,
    packet_id   BIGINT NOT NULL
);

CREATE INDEX observations_series_idx ON observations (site_code, parameter, "interval", "time");
