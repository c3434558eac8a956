-- Retroactive QC verdicts: a series check that can only judge a value later (a constant run is known to be stuck
-- once it reaches its threshold) records its verdict here, for the VALUE rows of one series (site, parameter,
-- interval) with time in [from_time, to_time). Append-only and chained (kind 'qc_flag'); observations are never
-- updated, reads add the code and make the covered values invalid (a later review still decides over it).
-- Same logical schema as db/migration/duckdb/V6__qc_flags.sql.
CREATE TABLE qc_flags (
    id          BIGINT PRIMARY KEY,
    site_code   TEXT NOT NULL,
    parameter   TEXT NOT NULL,
    "interval"  TEXT NOT NULL,
    from_time   TIMESTAMPTZ NOT NULL,
    to_time     TIMESTAMPTZ NOT NULL,
    code        TEXT NOT NULL,
    run_length  INTEGER NOT NULL,
    run_value   DOUBLE PRECISION NOT NULL,
    packet_id   BIGINT NOT NULL,
    flagged_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX qc_flags_site_idx ON qc_flags (site_code, from_time);

CREATE TRIGGER qc_flags_no_update_delete BEFORE UPDATE OR DELETE ON qc_flags
    FOR EACH ROW EXECUTE FUNCTION envmon_append_only();
CREATE TRIGGER qc_flags_no_truncate BEFORE TRUNCATE ON qc_flags
    FOR EACH STATEMENT EXECUTE FUNCTION envmon_append_only();
