package org.envmon.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.envmon.model.Checkpoint;

/**
 * The chain writer's state (table {@code chain_head}), loaded at the start of every chaining transaction and saved
 * before its commit, so nothing of it lives only in memory: after a crash or rollback the next transaction continues
 * from what was committed. On PostgreSQL the row is locked ({@code FOR UPDATE}), which serializes chaining between
 * processes; on DuckDB the store's single writer lock does.
 *
 * <p>Checkpoints: entries are grouped by the UTC hour of their chaining time (a per-writer monotonic clock); the
 * open group is sealed, its Merkle root stored in {@code chain_checkpoints}, when the first entry of a later hour is
 * chained or on request.
 */
public final class ChainHead {
    static final long HOUR_MICROS = 3_600_000_000L;
    private static final HexFormat HEX = HexFormat.of();
    private static final String SELECT = "SELECT seq, chain_hash, chained_at, open_first_seq, open_count, open_period,"
            + " open_peaks, first_chained_packet_id FROM chain_head WHERE id = 1";

    private long seq;
    private byte[] hash;
    private long timeMicros;
    private long openFirst;
    private Long openPeriodMicros;
    private Merkle merkle;
    private final long firstChainedPacketId;
    private final List<Checkpoint> sealed = new ArrayList<>();

    private ChainHead(long seq, byte[] hash, long timeMicros, long openFirst, Long openPeriodMicros, Merkle merkle,
            long firstChainedPacketId) {
        this.seq = seq;
        this.hash = hash;
        this.timeMicros = timeMicros;
        this.openFirst = openFirst;
        this.openPeriodMicros = openPeriodMicros;
        this.merkle = merkle;
        this.firstChainedPacketId = firstChainedPacketId;
    }

    /** Reads the head; {@code lock} appends {@code FOR UPDATE} (PostgreSQL). */
    public static ChainHead load(Connection c, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(lock ? SELECT + " FOR UPDATE" : SELECT);
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("chain_head has no row: the V2 migration did not run completely");
            }
            byte[] hash = rs.getBytes(2);
            Instant time = Jdbc.getInstant(rs, 3);
            Instant period = Jdbc.getInstant(rs, 6);
            long openCount = rs.getLong(5);
            return new ChainHead(rs.getLong(1), hash == null ? ChainCodec.GENESIS : hash,
                    time == null ? Long.MIN_VALUE : Jdbc.epochMicros(time), rs.getLong(4),
                    period == null ? null : Jdbc.epochMicros(period), Merkle.restore(openCount, rs.getBytes(7)),
                    rs.getLong(8));
        }
    }

    public long seq() {
        return seq;
    }

    public byte[] hash() {
        return hash;
    }

    public long firstChainedPacketId() {
        return firstChainedPacketId;
    }

    /** Checkpoints sealed by this transaction (saved by {@link #save}). */
    public List<Checkpoint> sealed() {
        return sealed;
    }

    /**
     * Starts appending at wall-clock {@code now}: returns the chaining time (never earlier than the last entry's)
     * and seals the open checkpoint when that time is in a later hour than the open checkpoint's.
     */
    public long begin(ChainCodec codec, Instant now) {
        long t = Math.max(Jdbc.epochMicros(now), timeMicros);
        if (merkle.count() > 0 && openPeriodMicros != null
                && Math.floorDiv(t, HOUR_MICROS) != Math.floorDiv(openPeriodMicros, HOUR_MICROS)) {
            seal(codec, t);
        }
        timeMicros = t;
        return t;
    }

    /** Seals the open checkpoint at {@code nowMicros}; false when it is empty. */
    public boolean seal(ChainCodec codec, long nowMicros) {
        if (merkle.count() == 0) {
            return false;
        }
        long start = Math.floorDiv(openPeriodMicros, HOUR_MICROS) * HOUR_MICROS;
        sealed.add(new Checkpoint(openFirst, seq, merkle.count(), micros(start), micros(start + HOUR_MICROS),
                HEX.formatHex(merkle.root(codec)), HEX.formatHex(hash), micros(Math.max(nowMicros, timeMicros))));
        openFirst = seq + 1;
        openPeriodMicros = null;
        merkle = new Merkle();
        return true;
    }

    /** Appends one entry at the time given by {@link #begin}. */
    public ChainEntry append(ChainCodec codec, String kind, long refId, int rowCount, byte[] fields,
            byte[] bytesDigest, byte[] rowsDigest) {
        byte[] record = codec.recordHash(kind, refId, rowCount, fields, bytesDigest, rowsDigest);
        byte[] chained = codec.chainHash(hash, record);
        ChainEntry e = new ChainEntry(seq + 1, kind, refId, rowCount, fields, bytesDigest, rowsDigest, record, hash,
                chained, timeMicros);
        seq++;
        hash = chained;
        if (openPeriodMicros == null) {
            openPeriodMicros = timeMicros;
        }
        merkle.add(codec, chained);
        return e;
    }

    /** Writes the head and the checkpoints sealed by this transaction. */
    public void save(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE chain_head SET seq = ?, chain_hash = ?, chained_at = ?,"
                + " open_first_seq = ?, open_count = ?, open_period = ?, open_peaks = ? WHERE id = 1")) {
            ps.setLong(1, seq);
            ps.setBytes(2, hash);
            Jdbc.setInstant(ps, 3, timeMicros == Long.MIN_VALUE ? null : micros(timeMicros));
            ps.setLong(4, openFirst);
            ps.setLong(5, merkle.count());
            Jdbc.setInstant(ps, 6, openPeriodMicros == null ? null : micros(openPeriodMicros));
            if (merkle.count() == 0) {
                ps.setNull(7, Types.BINARY);
            } else {
                ps.setBytes(7, merkle.peaksBytes());
            }
            if (ps.executeUpdate() != 1) {
                throw new SQLException("chain_head row missing");
            }
        }
        if (sealed.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO chain_checkpoints (first_seq, last_seq,"
                + " record_count, period_start, period_end, merkle_root, last_chain_hash, sealed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Checkpoint cp : sealed) {
                ps.setLong(1, cp.firstSeq());
                ps.setLong(2, cp.lastSeq());
                ps.setLong(3, cp.count());
                Jdbc.setInstant(ps, 4, cp.periodStart());
                Jdbc.setInstant(ps, 5, cp.periodEnd());
                ps.setBytes(6, HEX.parseHex(cp.merkleRoot()));
                ps.setBytes(7, HEX.parseHex(cp.lastChainHash()));
                Jdbc.setInstant(ps, 8, cp.sealedAt());
                ps.executeUpdate();
            }
        }
    }

    /** Inserts entries with plain INSERTs (reviews, small numbers); engines bulk-load packet entries. */
    public static void insert(Connection c, List<ChainEntry> entries) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO chain (" + ChainEntry.COLUMNS
                + ") VALUES (" + Jdbc.placeholders(11) + ")")) {
            for (ChainEntry e : entries) {
                ps.setLong(1, e.seq());
                ps.setString(2, e.kind());
                ps.setLong(3, e.refId());
                ps.setInt(4, e.rowCount());
                ps.setBytes(5, e.fieldsDigest());
                bytesOrNull(ps, 6, e.bytesDigest());
                bytesOrNull(ps, 7, e.rowsDigest());
                ps.setBytes(8, e.recordHash());
                ps.setBytes(9, e.prevHash());
                ps.setBytes(10, e.chainHash());
                Jdbc.setInstant(ps, 11, micros(e.chainedAtMicros()));
                ps.executeUpdate();
            }
        }
    }

    private static void bytesOrNull(PreparedStatement ps, int i, byte[] b) throws SQLException {
        if (b == null) {
            ps.setNull(i, Types.BINARY);
        } else {
            ps.setBytes(i, b);
        }
    }

    public static Instant micros(long epochMicros) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L),
                Math.floorMod(epochMicros, 1_000_000L) * 1_000L);
    }
}
