-- EnvMon schema, DuckDB flavour. Same logical schema as db/migration/postgresql/V1__schema.sql.
-- Times are TIMESTAMPTZ holding UTC instants (microsecond precision).

CREATE TABLE sites (
    code          VARCHAR PRIMARY KEY,
    name          VARCHAR NOT NULL,
    medium        VARCHAR NOT NULL,
    mn            VARCHAR UNIQUE,
    password_hash VARCHAR,
    province      VARCHAR,
    city          VARCHAR,
    county        VARCHAR,
    basin         VARCHAR,
    latitude      DOUBLE,
    longitude     DOUBLE,
    control       BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);

CREATE TABLE parameters (
    code     VARCHAR PRIMARY KEY,
    name_zh  VARCHAR,
    name_en  VARCHAR,
    unit     VARCHAR,
    decimals INTEGER,
    category VARCHAR
);

-- Append-only evidence. DuckDB has no triggers: the platform simply has no UPDATE or DELETE path for this table
-- (the store only ever appends). Ids are assigned by the store's single writer (one process per database file),
-- continuing from max(id) when the file is opened. Column order matters: the store appends rows positionally.
CREATE TABLE raw_packets (
    id          BIGINT PRIMARY KEY,
    received_at TIMESTAMPTZ NOT NULL,
    peer        VARCHAR,
    source      VARCHAR NOT NULL,
    mn          VARCHAR,
    cn          VARCHAR,
    qn          VARCHAR,
    dedup_key   VARCHAR UNIQUE,
    crc_ok      BOOLEAN NOT NULL,
    bytes       BLOB NOT NULL
);

-- No secondary index on purpose: DuckDB's planner uses ART indexes only for point lookups, never for the
-- (site_code, parameter, interval, time) range scans the store runs, while maintaining one costs ~30 % of append
-- throughput. Range scans are served by the per-row-group min/max zone maps, which prune well on "time" because
-- values arrive roughly in time order. Column order matters: the store appends rows positionally.
CREATE TABLE observations (
    site_code   VARCHAR NOT NULL,
    parameter   VARCHAR NOT NULL,
    "interval"  VARCHAR NOT NULL,
    statistic   VARCHAR NOT NULL,
    "time"      TIMESTAMPTZ NOT NULL,
    value       DOUBLE NOT NULL,
    flag        VARCHAR,
    received_at TIMESTAMPTZ NOT NULL,
    packet_id   BIGINT NOT NULL
);
