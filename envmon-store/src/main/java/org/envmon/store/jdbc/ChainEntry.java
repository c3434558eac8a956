package org.envmon.store.jdbc;

/**
 * One row of the {@code chain} table. Digests as defined by {@link ChainCodec}; {@code bytesDigest} and
 * {@code rowsDigest} are null for kinds without bytes or rows (reviews, QC flags, audit records).
 */
public record ChainEntry(
        long seq,
        String kind,
        long refId,
        int rowCount,
        byte[] fieldsDigest,
        byte[] bytesDigest,
        byte[] rowsDigest,
        byte[] recordHash,
        byte[] prevHash,
        byte[] chainHash,
        long chainedAtMicros) {

    public static final String PACKET = "packet";
    public static final String REVIEW = "review";
    public static final String QC_FLAG = "qc_flag";
    public static final String AUDIT = "audit";
    /** Column list in table order (the DuckDB appender relies on it). */
    public static final String COLUMNS = "seq, kind, ref_id, row_count, digest_fields, digest_bytes, digest_rows,"
            + " record_hash, prev_hash, chain_hash, chained_at";
}
