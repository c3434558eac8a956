package org.envmon.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import org.envmon.model.VerifyReport;
import org.envmon.model.VerifyReport.Problem;
import org.envmon.model.VerifyReport.State;

/**
 * Re-reads the whole store in one consistent snapshot and checks it against the hash chain:
 * <ol>
 * <li>links: chain entries by seq, each record hash recomputed from its stored digests, each chain hash from the
 * previous one, no gaps, the sealed checkpoints' Merkle roots, and the head;</li>
 * <li>packets: chain packet entries, raw_packets and observations merged by packet id; each packet's digests are
 * recomputed from the rows as they are now (so a changed, deleted or added observation is found through its
 * packet), packets without a chain entry are reported;</li>
 * <li>reviews: the same for reviews;</li>
 * <li>retroactive QC flags: the same for {@code qc_flags};</li>
 * <li>audit records: the same for {@code audit_log} (records appended before it was chained are not
 * covered).</li>
 * </ol>
 * Rows are streamed in key order, in chunks of key ranges (DuckDB) or through server-side cursors (PostgreSQL), so
 * memory does not grow with the store.
 */
public final class ChainVerifier {
    private static final int MAX_REPORTED = 100;
    private static final HexFormat HEX = HexFormat.of();

    private final ConnectionSource db;
    private final long chunk;
    private final boolean postgres;
    private final UnaryOperator<String> micros;
    private final UnaryOperator<String> utf8;
    private final String byteLength;

    /**
     * @param chunk    key range per query (DuckDB); {@link Long#MAX_VALUE} = one streaming query per table
     * @param postgres REPEATABLE READ snapshot and cursors; otherwise one DuckDB transaction
     */
    public ChainVerifier(ConnectionSource db, long chunk, boolean postgres) {
        this.db = db;
        this.chunk = chunk;
        this.postgres = postgres;
        this.micros = postgres ? col -> "(extract(epoch FROM " + col + ") * 1000000)::bigint"
                : col -> "epoch_us(" + col + ")";
        // Text columns are read as one UTF-8 blob per row plus their byte lengths: DuckDB's JDBC getString costs
        // ~300 ns a value, an int ~8 ns; and the bytes are what the encoding needs anyway.
        this.utf8 = postgres ? text -> "convert_to(" + text + ", 'UTF8')" : text -> "encode(" + text + ")";
        this.byteLength = postgres ? "octet_length" : "strlen";
    }

    /** {@code octet_length(c1), ..., <utf8>(coalesce(c1, '') || ...)}: byte lengths (null = NULL), the packed blob. */
    private String packedTexts(String... columns) {
        StringBuilder sb = new StringBuilder();
        StringBuilder concat = new StringBuilder();
        for (String col : columns) {
            sb.append(byteLength).append('(').append(col).append("), ");
            concat.append(concat.length() == 0 ? "" : " || ").append("coalesce(").append(col).append(", '')");
        }
        return sb.append(utf8.apply(concat.toString())).toString();
    }

    private static void lengths(ResultSet rs, int firstColumn, int[] into) throws SQLException {
        for (int k = 0; k < into.length; k++) {
            int n = rs.getInt(firstColumn + k);
            into[k] = rs.wasNull() ? -1 : n;
        }
    }

    public VerifyReport verify() {
        long start = System.nanoTime();
        Run run = Jdbc.read(db, "chain verification", c -> {
            c.setAutoCommit(false);
            try {
                if (postgres) {
                    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                    c.setReadOnly(true);
                }
                Run r = new Run(c);
                r.verify();
                return r;
            } finally {
                Jdbc.rollbackQuietly(c, new SQLException("read-only"));
                c.setAutoCommit(true);
                if (postgres) {
                    c.setReadOnly(false);
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                }
            }
        });
        return run.report(Duration.ofNanos(System.nanoTime() - start));
    }

    private final class Run {
        private final Connection c;
        private final ChainCodec codec = new ChainCodec();
        private final List<Problem> problems = new ArrayList<>();
        private long problemCount;
        private long records;
        private long packets;
        private long observations;
        private long reviews;
        private long legacy;
        private boolean neverChained;
        private boolean empty;

        Run(Connection c) {
            this.c = c;
        }

        void problem(String kind, Long id, Long seq, String what) {
            problemCount++;
            if (problems.size() < 10 * MAX_REPORTED) {
                problems.add(new Problem(kind, id, seq, what));
            }
        }

        VerifyReport report(Duration took) {
            problems.sort(Comparator.comparing((Problem p) -> p.seq() == null ? Long.MAX_VALUE : p.seq())
                    .thenComparing(p -> p.id() == null ? Long.MAX_VALUE : p.id()));
            List<Problem> shown = problems.subList(0, Math.min(MAX_REPORTED, problems.size()));
            State state = problemCount > 0 ? State.BROKEN : neverChained ? State.NEVER_CHAINED
                    : empty ? State.EMPTY : State.INTACT;
            return new VerifyReport(state, records, packets, observations, reviews, legacy, problemCount, shown, took);
        }

        void verify() throws SQLException {
            ChainHead head = ChainHead.load(c, false);
            long chainRows = Jdbc.count(c, "SELECT count(*) FROM chain");
            if (chainRows == 0 && head.seq() == 0) {
                long p = Jdbc.count(c, "SELECT count(*) FROM raw_packets");
                long o = Jdbc.count(c, "SELECT count(*) FROM observations");
                long r = Jdbc.count(c, "SELECT count(*) FROM reviews");
                if (p + o + r == 0) {
                    empty = true;
                    return;
                }
                if (r == 0) {
                    neverChained = true;
                    packets = p;
                    observations = o;
                    return;
                }
                // reviews exist only since the chain exists: an empty chain with reviews was emptied
            }
            links(head);
            packets(head.firstChainedPacketId());
            reviews();
            qcFlags();
            audit();
        }

        // ------------------------------------------------------------ pass 1: links and checkpoints

        private void links(ChainHead head) throws SQLException {
            List<long[]> checkpoints = new ArrayList<>(); // first, last, count
            List<byte[][]> cpHashes = new ArrayList<>(); // root, last chain hash
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT first_seq, last_seq,"
                    + " record_count, merkle_root, last_chain_hash FROM chain_checkpoints ORDER BY first_seq")) {
                while (rs.next()) {
                    checkpoints.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
                    cpHashes.add(new byte[][] {rs.getBytes(4), rs.getBytes(5)});
                }
            }
            long expectedFirst = 1;
            for (long[] cp : checkpoints) {
                if (cp[0] != expectedFirst || cp[1] < cp[0] || cp[2] != cp[1] - cp[0] + 1) {
                    problem("checkpoint", cp[0], cp[0], "checkpoint of seq " + cp[0] + ".." + cp[1] + " (" + cp[2]
                            + " records) does not continue the previous one (expected first seq " + expectedFirst
                            + ")");
                }
                expectedFirst = cp[1] + 1;
            }
            int cpIndex = 0;
            Merkle merkle = new Merkle();
            long expected = 1;
            byte[] prev = ChainCodec.GENESIS;
            try (Cursor cur = new Cursor("SELECT seq, kind, ref_id, row_count, digest_fields, digest_bytes,"
                    + " digest_rows, record_hash, prev_hash, chain_hash FROM chain", null, "seq")) {
                while (cur.next()) {
                    ResultSet rs = cur.rs;
                    long seq = rs.getLong(1);
                    String kind = rs.getString(2);
                    records++;
                    if (seq < expected) {
                        problem("chain", rs.getLong(3), seq, "chain entry seq " + seq + " appears twice");
                        continue;
                    }
                    if (seq > expected) {
                        problem("chain", null, expected, "chain entries seq " + expected
                                + (seq - 1 > expected ? ".." + (seq - 1) : "") + " deleted");
                        merkle = null; // the checkpoint cannot be recomputed any more
                    }
                    byte[] record = codec.recordHash(kind, rs.getLong(3), rs.getInt(4), rs.getBytes(5),
                            rs.getBytes(6), rs.getBytes(7));
                    byte[] storedRecord = rs.getBytes(8);
                    byte[] storedPrev = rs.getBytes(9);
                    byte[] chainHash = rs.getBytes(10);
                    if (!ChainEntry.PACKET.equals(kind) && !ChainEntry.REVIEW.equals(kind)
                            && !ChainEntry.QC_FLAG.equals(kind) && !ChainEntry.AUDIT.equals(kind)) {
                        problem("chain", rs.getLong(3), seq, "chain entry of unknown kind '" + kind + "'");
                    } else if (!Arrays.equals(record, storedRecord)) {
                        problem("chain", rs.getLong(3), seq, "chain entry altered: its record hash does not match"
                                + " its digests (" + kind + " " + rs.getLong(3) + ")");
                    } else if (seq == expected && !Arrays.equals(storedPrev, prev)) {
                        problem("chain", rs.getLong(3), seq, "chain link broken at seq " + seq
                                + ": previous hash differs from the chain hash of seq " + (seq - 1));
                    } else if (!Arrays.equals(codec.chainHash(storedPrev, storedRecord), chainHash)) {
                        problem("chain", rs.getLong(3), seq, "chain link broken at seq " + seq
                                + ": chain hash is not SHA-256(previous hash || record hash)");
                    }
                    prev = chainHash;
                    expected = seq + 1;
                    // checkpoints
                    while (cpIndex < checkpoints.size() && checkpoints.get(cpIndex)[1] < seq) {
                        cpIndex++;
                        merkle = new Merkle();
                    }
                    if (cpIndex < checkpoints.size() && checkpoints.get(cpIndex)[0] <= seq) {
                        long[] cp = checkpoints.get(cpIndex);
                        if (merkle != null) {
                            merkle.add(codec, chainHash);
                        }
                        if (seq == cp[1]) {
                            checkCheckpoint(cp, cpHashes.get(cpIndex), merkle, chainHash);
                            cpIndex++;
                            merkle = new Merkle();
                        }
                    }
                }
            }
            for (; cpIndex < checkpoints.size(); cpIndex++) {
                long[] cp = checkpoints.get(cpIndex);
                if (cp[1] >= expected) {
                    problem("checkpoint", cp[0], cp[1], "checkpoint of seq " + cp[0] + ".." + cp[1]
                            + " covers chain entries that do not exist (deleted)");
                }
            }
            long last = expected - 1;
            if (head.seq() != last) {
                problem("chain", null, Math.min(head.seq(), last) + 1, "the chain head is at seq " + head.seq()
                        + " but the last chain entry is seq " + last
                        + (head.seq() > last ? " (entries at the end deleted)" : " (entries appended outside the"
                        + " platform)"));
            } else if (!Arrays.equals(head.hash(), prev)) {
                problem("chain", null, last, "the chain head's hash differs from the chain hash of seq " + last);
            }
        }

        private void checkCheckpoint(long[] cp, byte[][] stored, Merkle merkle, byte[] lastHash) {
            if (merkle == null || merkle.count() != cp[2]) {
                return; // a gap inside it was reported already
            }
            if (!Arrays.equals(merkle.root(codec), stored[0])) {
                problem("checkpoint", cp[0], cp[0], "checkpoint of seq " + cp[0] + ".." + cp[1]
                        + ": Merkle root differs (" + HEX.formatHex(stored[0]) + " stored)");
            } else if (!Arrays.equals(lastHash, stored[1])) {
                problem("checkpoint", cp[0], cp[1], "checkpoint of seq " + cp[0] + ".." + cp[1]
                        + ": last chain hash differs");
            }
        }

        // ------------------------------------------------------------ pass 2: packets and observations

        private void packets(long firstChained) throws SQLException {
            try (Cursor chain = new Cursor("SELECT ref_id, seq, row_count, digest_fields, digest_bytes, digest_rows"
                    + " FROM chain", "kind = 'packet'", "ref_id");
                    Cursor pk = new Cursor("SELECT id, " + micros.apply("received_at") + ", crc_ok, bytes, "
                            + packedTexts("peer", "source", "mn", "cn", "qn", "dedup_key") + " FROM raw_packets",
                            null, "id");
                    Cursor ob = new Cursor("SELECT packet_id, " + micros.apply("\"time\"") + ", value, "
                            + micros.apply("received_at") + ", valid, " + packedTexts("site_code", "parameter",
                            "\"interval\"", "statistic", "flag", "qc") + " FROM observations", null, "packet_id")) {
                int[] lengths = new int[6];
                boolean hc = chain.next();
                boolean hp = pk.next();
                boolean ho = ob.next();
                ChainCodec.Rows rows = codec.rows();
                while (hc || hp || ho) {
                    long id = Math.min(hc ? chain.key() : Long.MAX_VALUE,
                            Math.min(hp ? pk.key() : Long.MAX_VALUE, ho ? ob.key() : Long.MAX_VALUE));
                    // chain entry
                    long seq = -1;
                    int rowCount = 0;
                    byte[] dFields = null;
                    byte[] dBytes = null;
                    byte[] dRows = null;
                    if (hc && chain.key() == id) {
                        ResultSet rs = chain.rs;
                        seq = rs.getLong(2);
                        rowCount = rs.getInt(3);
                        dFields = rs.getBytes(4);
                        dBytes = rs.getBytes(5);
                        dRows = rs.getBytes(6);
                        while ((hc = chain.next()) && chain.key() == id) {
                            problem("chain", id, chain.rs.getLong(2), "packet " + id + " is chained twice (seq "
                                    + seq + " and " + chain.rs.getLong(2) + ")");
                        }
                    }
                    // packet
                    byte[] fields = null;
                    byte[] bytes = null;
                    if (hp && pk.key() == id) {
                        ResultSet rs = pk.rs;
                        packets++;
                        lengths(rs, 5, lengths);
                        fields = codec.packetFieldsPacked(id, rs.getLong(2), rs.getBytes(11), lengths,
                                rs.getBoolean(3));
                        bytes = codec.sha256(rs.getBytes(4));
                        hp = pk.next();
                    }
                    // observations
                    while (ho && ob.key() == id) {
                        ResultSet rs = ob.rs;
                        observations++;
                        lengths(rs, 6, lengths);
                        rows.add(codec.observationPacked(rs.getBytes(12), lengths, rs.getLong(2), rs.getDouble(3),
                                rs.getLong(4), id, rs.getBoolean(5)));
                        ho = ob.next();
                    }
                    int n = rows.count();
                    byte[] rowsDigest = rows.digest();
                    if (seq < 0) {
                        if (id < firstChained) {
                            if (fields != null) {
                                legacy++;
                            }
                        } else if (fields != null) {
                            problem("packet", id, null, "unchained packet id " + id + " (with " + n
                                    + " observations): not in the hash chain, inserted behind the platform's back");
                        } else {
                            problem("observation", id, null, n + " observation(s) of packet id " + id
                                    + ", which does not exist and is not in the chain: inserted");
                        }
                        continue;
                    }
                    if (fields == null) {
                        problem("packet", id, seq, "packet " + id + " deleted" + (n == 0 ? "" : " (" + n
                                + " of its observations remain)"));
                        continue;
                    }
                    if (!Arrays.equals(fields, dFields)) {
                        problem("packet", id, seq, "packet " + id + " changed: received_at, peer, source, mn, cn, qn,"
                                + " dedup key or CRC verdict differ from the chained record");
                    }
                    if (!Arrays.equals(bytes, dBytes)) {
                        problem("packet", id, seq, "packet " + id + " changed: raw bytes differ from the chained"
                                + " record");
                    }
                    if (n > rowCount) {
                        problem("observation", id, seq, (n - rowCount) + " observation(s) inserted into packet " + id
                                + " (" + n + " rows, " + rowCount + " chained)");
                    } else if (n < rowCount) {
                        problem("observation", id, seq, (rowCount - n) + " observation(s) of packet " + id
                                + " deleted (" + n + " rows, " + rowCount + " chained)");
                    } else if (!Arrays.equals(rowsDigest, dRows)) {
                        problem("observation", id, seq, "observation value changed in packet " + id + ": a value or"
                                + " another column of its " + n + " observation(s) differs from the chained record");
                    }
                }
            }
        }

        // ------------------------------------------------------------ passes 3 and 4: reviews, retroactive QC flags

        private void reviews() throws SQLException {
            recordsOfOneRow(ChainEntry.REVIEW, "review", "SELECT id, site_code, parameter, \"interval\", "
                    + micros.apply("from_time") + ", " + micros.apply("to_time") + ", decision, reason, operator,"
                    + " principal, " + micros.apply("decided_at") + " FROM reviews", (id, rs) -> {
                        reviews++;
                        return codec.reviewFields(id, rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getLong(5), rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9),
                                rs.getString(10), rs.getLong(11));
                    });
        }

        private void qcFlags() throws SQLException {
            recordsOfOneRow(ChainEntry.QC_FLAG, "QC flag", "SELECT id, site_code, parameter, \"interval\", "
                    + micros.apply("from_time") + ", " + micros.apply("to_time") + ", code, run_length, run_value,"
                    + " packet_id, " + micros.apply("flagged_at") + " FROM qc_flags", (id, rs) ->
                    codec.qcFlagFields(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                            rs.getLong(6), rs.getString(7), rs.getInt(8), rs.getDouble(9), rs.getLong(10),
                            rs.getLong(11)));
        }

        private void audit() throws SQLException {
            long firstChained = Jdbc.count(c, "SELECT first_chained_audit_id FROM chain_head WHERE id = 1");
            recordsOfOneRow(ChainEntry.AUDIT, "audit record", "SELECT id, " + micros.apply("recorded_at")
                    + ", actor, action, target, origin, outcome FROM audit_log", firstChained, (id, rs) ->
                    codec.auditFields(id, rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7)));
        }

        /** The chained serialization of the row at the cursor (its first column is the id). */
        @FunctionalInterface
        private interface RecordFields {
            byte[] of(long id, ResultSet rs) throws SQLException;
        }

        /**
         * Walks the chain entries of {@code kind} and the rows of {@code rowsSql} (ordered by id) side by side: every
         * row chained once, every chained row present and unchanged.
         */
        private void recordsOfOneRow(String kind, String noun, String rowsSql, RecordFields fieldsOf)
                throws SQLException {
            recordsOfOneRow(kind, noun, rowsSql, Long.MIN_VALUE, fieldsOf);
        }

        /** As above; rows with an id below {@code firstChained} predate the chaining of their kind (not
         * covered). */
        private void recordsOfOneRow(String kind, String noun, String rowsSql, long firstChained,
                RecordFields fieldsOf) throws SQLException {
            try (Cursor chain = new Cursor("SELECT ref_id, seq, digest_fields FROM chain", "kind = '" + kind + "'",
                    "ref_id");
                    Cursor rows = new Cursor(rowsSql, null, "id")) {
                boolean hc = chain.next();
                boolean hr = rows.next();
                while (hc || hr) {
                    long id = Math.min(hc ? chain.key() : Long.MAX_VALUE, hr ? rows.key() : Long.MAX_VALUE);
                    long seq = -1;
                    byte[] dFields = null;
                    if (hc && chain.key() == id) {
                        seq = chain.rs.getLong(2);
                        dFields = chain.rs.getBytes(3);
                        while ((hc = chain.next()) && chain.key() == id) {
                            problem("chain", id, chain.rs.getLong(2), noun + " " + id + " is chained twice");
                        }
                    }
                    byte[] fields = null;
                    if (hr && rows.key() == id) {
                        fields = fieldsOf.of(id, rows.rs);
                        hr = rows.next();
                    }
                    if (seq < 0 && id < firstChained) {
                        continue; // appended before its kind was chained: not covered
                    } else if (seq < 0) {
                        problem(kind, id, null, "unchained " + noun + " id " + id
                                + ": not in the hash chain, inserted behind the platform's back");
                    } else if (fields == null) {
                        problem(kind, id, seq, noun + " " + id + " deleted");
                    } else if (!Arrays.equals(fields, dFields)) {
                        problem(kind, id, seq, noun + " " + id + " altered: its columns differ from the chained"
                                + " record");
                    }
                }
            }
        }

        /**
         * Rows of {@code select} ordered by {@code key}, read in key ranges of {@link #chunk} (each range one query,
         * materialised by DuckDB) or, with an unbounded chunk, in one query streamed with a fetch size.
         */
        private final class Cursor implements AutoCloseable {
            private final String select;
            private final String filter;
            private final String key;
            private long lo;
            private final long max;
            private PreparedStatement ps;
            ResultSet rs;

            Cursor(String select, String filter, String key) throws SQLException {
                this.select = select;
                this.filter = filter;
                this.key = key;
                if (chunk == Long.MAX_VALUE) {
                    lo = Long.MIN_VALUE;
                    max = Long.MAX_VALUE;
                } else {
                    String from = select.substring(select.lastIndexOf(" FROM "));
                    try (Statement st = c.createStatement(); ResultSet r = st.executeQuery("SELECT min(" + key
                            + "), max(" + key + ")" + from + (filter == null ? "" : " WHERE " + filter))) {
                        r.next();
                        lo = r.getLong(1);
                        max = r.wasNull() ? Long.MIN_VALUE : r.getLong(2);
                        if (max == Long.MIN_VALUE) {
                            lo = 0;
                        }
                    }
                }
            }

            long key() throws SQLException {
                return rs.getLong(1);
            }

            boolean next() throws SQLException {
                while (true) {
                    if (rs != null && rs.next()) {
                        return true;
                    }
                    closeQuery();
                    if (chunk != Long.MAX_VALUE && (max == Long.MIN_VALUE || lo > max)) {
                        return false;
                    }
                    if (chunk == Long.MAX_VALUE && lo == Long.MAX_VALUE) {
                        return false;
                    }
                    StringBuilder sql = new StringBuilder(select).append(" WHERE ");
                    if (filter != null) {
                        sql.append(filter).append(" AND ");
                    }
                    if (chunk == Long.MAX_VALUE) {
                        sql.append("TRUE");
                        lo = Long.MAX_VALUE; // one query only
                    } else {
                        long hi = lo + chunk;
                        sql.append(key).append(" >= ").append(lo).append(" AND ").append(key).append(" < ").append(hi);
                        lo = hi;
                    }
                    sql.append(" ORDER BY ").append(key);
                    ps = c.prepareStatement(sql.toString());
                    ps.setFetchSize(10_000);
                    rs = ps.executeQuery();
                }
            }

            private void closeQuery() throws SQLException {
                if (rs != null) {
                    rs.close();
                    rs = null;
                }
                if (ps != null) {
                    ps.close();
                    ps = null;
                }
            }

            @Override
            public void close() throws SQLException {
                closeQuery();
            }
        }
    }
}
