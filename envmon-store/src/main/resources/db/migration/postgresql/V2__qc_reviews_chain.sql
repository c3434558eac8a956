-- Issue 4 "One set of data": automatic QC verdicts, data reviews, the hash chain and its checkpoints.
-- Same logical schema as db/migration/duckdb/V2__qc_reviews_chain.sql. See envmon-store/CHAIN.md.

-- Rows stored before V2 are valid and carry no QC codes.
ALTER TABLE observations ADD COLUMN valid BOOLEAN NOT NULL DEFAULT TRUE, ADD COLUMN qc TEXT;

-- Review decisions (数据审核). Append-only; never modify observations. parameter / interval NULL = all.
CREATE TABLE reviews (
    id          BIGINT PRIMARY KEY,
    site_code   TEXT NOT NULL,
    parameter   TEXT,
    "interval"  TEXT,
    from_time   TIMESTAMPTZ NOT NULL,
    to_time     TIMESTAMPTZ NOT NULL,
    decision    TEXT NOT NULL,
    reason      TEXT NOT NULL,
    operator    TEXT NOT NULL,
    principal   TEXT,
    decided_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX reviews_site_idx ON reviews (site_code, from_time);

-- The hash chain: one entry per stored packet (with its observations) or review, in commit order.
-- chain_hash = SHA-256(prev_hash || record_hash); record_hash is computed from the digests (see CHAIN.md).
CREATE TABLE chain (
    seq           BIGINT PRIMARY KEY,
    kind          TEXT NOT NULL,
    ref_id        BIGINT NOT NULL,
    row_count     INTEGER NOT NULL,
    digest_fields BYTEA NOT NULL,
    digest_bytes  BYTEA,
    digest_rows   BYTEA,
    record_hash   BYTEA NOT NULL,
    prev_hash     BYTEA NOT NULL,
    chain_hash    BYTEA NOT NULL,
    chained_at    TIMESTAMPTZ NOT NULL
);

-- Sealed checkpoints: the Merkle root over the chain hashes of seq first_seq..last_seq (one per UTC hour).
CREATE TABLE chain_checkpoints (
    first_seq       BIGINT PRIMARY KEY,
    last_seq        BIGINT NOT NULL,
    record_count    BIGINT NOT NULL,
    period_start    TIMESTAMPTZ NOT NULL,
    period_end      TIMESTAMPTZ NOT NULL,
    merkle_root     BYTEA NOT NULL,
    last_chain_hash BYTEA NOT NULL,
    sealed_at       TIMESTAMPTZ NOT NULL
);

-- The writer's state, one row, locked (SELECT ... FOR UPDATE) and updated by every chaining transaction, which
-- serializes chaining across processes. first_chained_packet_id: packets with a lower id were stored before
-- chaining existed (legacy data, reported by verify but not covered).
CREATE TABLE chain_head (
    id                      INTEGER PRIMARY KEY,
    seq                     BIGINT NOT NULL,
    chain_hash              BYTEA,
    chained_at              TIMESTAMPTZ,
    open_first_seq          BIGINT NOT NULL,
    open_count              BIGINT NOT NULL,
    open_period             TIMESTAMPTZ,
    open_peaks              BYTEA,
    first_chained_packet_id BIGINT NOT NULL
);

INSERT INTO chain_head (id, seq, open_first_seq, open_count, first_chained_packet_id)
SELECT 1, 0, 1, 0, coalesce(max(id), 0) + 1 FROM raw_packets;

-- Evidence is append-only: any UPDATE, DELETE or TRUNCATE of reviews, chain entries and checkpoints raises.
CREATE FUNCTION envmon_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER reviews_no_update_delete BEFORE UPDATE OR DELETE ON reviews
    FOR EACH ROW EXECUTE FUNCTION envmon_append_only();
CREATE TRIGGER reviews_no_truncate BEFORE TRUNCATE ON reviews
    FOR EACH STATEMENT EXECUTE FUNCTION envmon_append_only();
CREATE TRIGGER chain_no_update_delete BEFORE UPDATE OR DELETE ON chain
    FOR EACH ROW EXECUTE FUNCTION envmon_append_only();
CREATE TRIGGER chain_no_truncate BEFORE TRUNCATE ON chain
    FOR EACH STATEMENT EXECUTE FUNCTION envmon_append_only();
CREATE TRIGGER chain_checkpoints_no_update_delete BEFORE UPDATE OR DELETE ON chain_checkpoints
    FOR EACH ROW EXECUTE FUNCTION envmon_append_only();
CREATE TRIGGER chain_checkpoints_no_truncate BEFORE TRUNCATE ON chain_checkpoints
    FOR EACH STATEMENT EXECUTE FUNCTION envmon_append_only();
