package org.envmon.store.duckdb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.envmon.model.ObservationRow;
import org.envmon.model.PacketWrite;
import org.envmon.model.RawPacket;
import org.envmon.model.StoreException;
import org.envmon.store.jdbc.BatchPlan;
import org.envmon.store.jdbc.ChainEntry;
import org.envmon.store.jdbc.ChainHead;
import org.envmon.store.jdbc.Jdbc;
import org.envmon.store.jdbc.JdbcObservationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DuckDB write path: inside one explicit transaction, look up the batch's dedup keys (ART index lookups),
 * then append packets and observations with DuckDB Appenders (columnar bulk insert, no SQL per row) and commit.
 * Packet ids come from an in-process counter seeded with max(id) at open; the platform has no UPDATE or DELETE
 * path for raw_packets (DuckDB has no triggers to enforce append-only).
 *
 * <p>Appenders are flushed explicitly before they are closed: {@link DuckDBAppender#close()} swallows a failing
 * flush (e.g. a NOT NULL violation), after which the transaction would silently commit without the rows.
 * Failures of the automatic flushes while appending surface from {@code endRow()}.
 */
final class DuckDbObservationStore extends JdbcObservationStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DuckDbObservationStore.class);
    /**
     * Keys per dedup lookup. DuckDB answers {@code dedup_key IN ('..', ..)} with ART index lookups only when the list
     * holds constants (a list of {@code ?} parameters is planned as a full scan) and has at most
     * {@code index_scan_max_count} (2048) entries.
     */
    private static final int KEYS_PER_LOOKUP = 1000;

    private final DuckDBConnection writer;
    private long nextId;

    DuckDbObservationStore(DuckDbEngine.Connections connections) {
        super(connections);
        try {
            this.writer = connections.duplicate();
            this.nextId = Jdbc.count(writer, "SELECT coalesce(max(id), 0) FROM raw_packets") + 1;
        } catch (SQLException e) {
            throw new StoreException("cannot prepare the DuckDB writer: " + e.getMessage(), e);
        }
    }

    @Override
    protected void writeBatch(BatchPlan plan) throws SQLException {
        execute("BEGIN TRANSACTION");
        try {
            long start = System.nanoTime();
            plan.resolve(existingKeys(plan.dedupKeys()));
            long looked = System.nanoTime();
            plan.assignIds(nextId);
            long chained = looked;
            if (plan.newPacketCount() > 0) {
                ChainHead head = ChainHead.load(writer, false);
                appendPackets(plan);
                appendObservations(plan);
                chained = System.nanoTime();
                appendChain(chainPackets(writer, head, plan, Instant.now()));
                head.save(writer);
                chained = System.nanoTime() - chained;
            }
            beforeCommit();
            long appended = System.nanoTime();
            execute("COMMIT");
            if (LOG.isDebugEnabled()) {
                LOG.debug("stored {} packets, {} values: dedup lookup {} ms, append {} ms (chain {} ms), commit {} ms",
                        plan.newPacketCount(), plan.newObservationCount(), (looked - start) / 1_000_000,
                        (appended - looked) / 1_000_000, chained / 1_000_000,
                        (System.nanoTime() - appended) / 1_000_000);
            }
        } catch (SQLException | RuntimeException e) {
            try {
                execute("ROLLBACK");
            } catch (SQLException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        nextId += plan.newPacketCount();
    }

    /** Ids of the keys already stored, via literal IN lists (see {@link #KEYS_PER_LOOKUP}). */
    private Map<String, Long> existingKeys(Set<String> keys) throws SQLException {
        Map<String, Long> found = new HashMap<>();
        StringBuilder sql = new StringBuilder();
        int inList = 0;
        for (Iterator<String> it = keys.iterator(); it.hasNext(); ) {
            // A standard SQL string literal: only the quote needs escaping (BatchPlan has ruled out U+0000).
            sql.append(inList == 0 ? "SELECT dedup_key, id FROM raw_packets WHERE dedup_key IN (" : ",")
                    .append('\'').append(it.next().replace("'", "''")).append('\'');
            inList++;
            if (inList == KEYS_PER_LOOKUP || !it.hasNext()) {
                try (Statement st = writer.createStatement();
                        ResultSet rs = st.executeQuery(sql.append(')').toString())) {
                    while (rs.next()) {
                        found.put(rs.getString(1), rs.getLong(2));
                    }
                }
                sql.setLength(0);
                inList = 0;
            }
        }
        return found;
    }

    private void appendPackets(BatchPlan plan) throws SQLException {
        List<PacketWrite> batch = plan.batch();
        // Column order of db/migration/duckdb: id, received_at, peer, source, mn, cn, qn, dedup_key, crc_ok, bytes
        try (DuckDBAppender a = writer.createAppender("raw_packets")) {
            for (int i : plan.storedIndexes()) {
                RawPacket p = batch.get(i).packet();
                a.beginRow()
                        .append(plan.idOf(i))
                        .appendEpochMicros(Jdbc.epochMicros(p.receivedAt()));
                text(a, p.peer());
                text(a, p.source());
                text(a, p.mn());
                text(a, p.cn());
                text(a, p.qn());
                text(a, p.dedupKey());
                a.append(p.crcOk()).append(p.bytes()).endRow();
            }
            a.flush(); // close() would swallow a failure, see the class comment
        }
    }

    private void appendObservations(BatchPlan plan) throws SQLException {
        if (plan.newObservationCount() == 0) {
            return;
        }
        List<PacketWrite> batch = plan.batch();
        // Column order: site_code, parameter, interval, statistic, time, value, flag, received_at, packet_id,
        // valid, qc (V2)
        try (DuckDBAppender a = writer.createAppender("observations")) {
            for (int i : plan.storedIndexes()) {
                PacketWrite w = batch.get(i);
                long id = plan.idOf(i);
                long receivedAt = Jdbc.epochMicros(w.packet().receivedAt());
                for (ObservationRow r : w.observations()) {
                    a.beginRow();
                    text(a, r.siteCode());
                    text(a, r.parameter());
                    a.append(r.interval().code())
                            .append(r.statistic().name())
                            .appendEpochMicros(Jdbc.epochMicros(r.time()))
                            .append(r.value());
                    text(a, r.flag());
                    a.appendEpochMicros(receivedAt).append(id).append(r.valid());
                    text(a, r.qc());
                    a.endRow();
                }
            }
            a.flush();
        }
    }

    private void appendChain(List<ChainEntry> entries) throws SQLException {
        // Column order: ChainEntry.COLUMNS
        try (DuckDBAppender a = writer.createAppender("chain")) {
            for (ChainEntry e : entries) {
                a.beginRow().append(e.seq()).append(e.kind()).append(e.refId()).append(e.rowCount())
                        .append(e.fieldsDigest());
                blob(a, e.bytesDigest());
                blob(a, e.rowsDigest());
                a.append(e.recordHash()).append(e.prevHash()).append(e.chainHash())
                        .appendEpochMicros(e.chainedAtMicros()).endRow();
            }
            a.flush();
        }
    }

    private static void blob(DuckDBAppender a, byte[] b) throws SQLException {
        if (b == null) {
            a.appendNull();
        } else {
            a.append(b);
        }
    }

    private static void text(DuckDBAppender a, String s) throws SQLException {
        if (s == null) {
            a.appendNull();
        } else {
            a.append(s);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = writer.createStatement()) {
            st.execute(sql);
        }
    }

    @Override
    protected String epochMicrosOfTime(String column) {
        return "epoch_us(" + column + ")";
    }

    /**
     * DuckDB's JDBC driver materialises a whole result in memory unless the database is opened with
     * {@code jdbc_stream_results}, which would change every reader of the store; so the hourly bulk read asks for
     * {@value #SITES_PER_HOURLY_QUERY} sites per query (a year of six pollutants: ~6.5 M rows, ~200 MB).
     */
    @Override
    protected int sitesPerHourlyQuery() {
        return SITES_PER_HOURLY_QUERY;
    }

    /** DuckDB sorts a chunk ~3× slower than it scans it: the hourly read places values in memory instead. */
    @Override
    protected boolean hourlyPlacesInMemory() {
        return true;
    }

    static final int SITES_PER_HOURLY_QUERY = Integer.getInteger("envmon.duckdb.hourlySitesPerQuery", 128);

    @Override
    public synchronized void close() throws SQLException {
        writer.close();
    }
}
