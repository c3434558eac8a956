-- Retroactive QC verdicts: a series check that can only judge a value later (a constant run is known to be stuck
-- once it reaches its threshold) records its verdict here, for the VALUE rows of one series (site, parameter,
-- interval) with time in [from_time, to_time). Append-only and chained (kind 'qc_flag'); observations are never
-- updated, reads add the code and make the covered values invalid (a later review still decides over it).
-- Same logical schema as db/migration/postgresql/V6__qc_flags.sql.
CREATE TABLE qc_flags (
    id          BIGINT PRIMARY KEY,
    site_code   VARCHAR NOT NULL,
    parameter   VARCHAR NOT NULL,
    "interval"  VARCHAR NOT NULL,
    from_time   TIMESTAMPTZ NOT NULL,
    to_time     TIMESTAMPTZ NOT NULL,
    code        VARCHAR NOT NULL,
    run_length  INTEGER NOT NULL,
    run_value   DOUBLE NOT NULL,
    packet_id   BIGINT NOT NULL,
    flagged_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX qc_flags_site_idx ON qc_flags (site_code, from_time);
