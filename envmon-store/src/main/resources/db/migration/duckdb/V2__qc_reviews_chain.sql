-- Issue 4 "One set of data": automatic QC verdicts, data reviews, the hash chain and its checkpoints.
-- Same logical schema as db/migration/postgresql/V2__qc_reviews_chain.sql. See envmon-store/CHAIN.md.

-- Appended positionally after packet_id (DuckDB cannot add a column with a NOT NULL constraint; the store always
-- writes both). Rows stored before V2 are valid and carry no QC codes.
ALTER TABLE observations ADD COLUMN valid BOOLEAN DEFAULT TRUE;
ALTER TABLE observations ADD COLUMN qc VARCHAR;

-- Review decisions (数据审核). Append-only; never modify observations. parameter / interval NULL = all.
CREATE TABLE reviews (
    id          BIGINT PRIMARY KEY,
    site_code   VARCHAR NOT NULL,
    parameter   VARCHAR,
    "interval"  VARCHAR,
    from_time   TIMESTAMPTZ NOT NULL,
    to_time     TIMESTAMPTZ NOT NULL,
    decision    VARCHAR NOT NULL,
    reason      VARCHAR NOT NULL,
    operator    VARCHAR NOT NULL,
    principal   VARCHAR,
    decided_at  TIMESTAMPTZ NOT NULL
);

-- The hash chain: one entry per stored packet (with its observations) or review, in commit order.
-- chain_hash = SHA-256(prev_hash || record_hash); record_hash is computed from the digests (see CHAIN.md).
-- Column order matters: the store appends rows positionally.
CREATE TABLE chain (
    seq           BIGINT PRIMARY KEY,
    kind          VARCHAR NOT NULL,
    ref_id        BIGINT NOT NULL,
    row_count     INTEGER NOT NULL,
    digest_fields BLOB NOT NULL,
    digest_bytes  BLOB,
    digest_rows   BLOB,
    record_hash   BLOB NOT NULL,
    prev_hash     BLOB NOT NULL,
    chain_hash    BLOB NOT NULL,
    chained_at    TIMESTAMPTZ NOT NULL
);

-- Sealed checkpoints: the Merkle root over the chain hashes of seq first_seq..last_seq (one per UTC hour).
CREATE TABLE chain_checkpoints (
    first_seq       BIGINT PRIMARY KEY,
    last_seq        BIGINT NOT NULL,
    record_count    BIGINT NOT NULL,
    period_start    TIMESTAMPTZ NOT NULL,
    period_end      TIMESTAMPTZ NOT NULL,
    merkle_root     BLOB NOT NULL,
    last_chain_hash BLOB NOT NULL,
    sealed_at       TIMESTAMPTZ NOT NULL
);

-- The writer's state, one row, updated in every chaining transaction: the last entry and the open checkpoint
-- (its Merkle peaks, largest subtree first). first_chained_packet_id: packets with a lower id were stored before
-- chaining existed (legacy data, reported by verify but not covered).
CREATE TABLE chain_head (
    id                      INTEGER PRIMARY KEY,
    seq                     BIGINT NOT NULL,
    chain_hash              BLOB,
    chained_at              TIMESTAMPTZ,
    open_first_seq          BIGINT NOT NULL,
    open_count              BIGINT NOT NULL,
    open_period             TIMESTAMPTZ,
    open_peaks              BLOB,
    first_chained_packet_id BIGINT NOT NULL
);

INSERT INTO chain_head (id, seq, open_first_seq, open_count, first_chained_packet_id)
SELECT 1, 0, 1, 0, coalesce(max(id), 0) + 1 FROM raw_packets;
