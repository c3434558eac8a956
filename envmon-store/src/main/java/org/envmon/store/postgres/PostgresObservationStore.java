package org.envmon.store.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.envmon.model.ObservationRow;
import org.envmon.model.PacketWrite;
import org.envmon.model.RawPacket;
import org.envmon.store.jdbc.BatchPlan;
import org.envmon.store.jdbc.ChainEntry;
import org.envmon.store.jdbc.ChainHead;
import org.envmon.store.jdbc.Jdbc;
import org.envmon.store.jdbc.JdbcObservationStore;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL write path: in one transaction, look the batch's dedup keys up with {@code = ANY(array)}, take the
 * packet ids from the sequence in one round trip, then stream packets and observations with
 * {@code COPY ... FROM STDIN} (text format) and commit.
 */
final class PostgresObservationStore extends JdbcObservationStore {
    private static final String PACKET_COPY = "COPY raw_packets (id, received_at, peer, source, mn, cn, qn, dedup_key,"
            + " crc_ok, bytes) FROM STDIN";
    private static final String OBSERVATION_COPY = "COPY observations (site_code, parameter, \"interval\", statistic,"
            + " \"time\", value, flag, received_at, packet_id, valid, qc) FROM STDIN";
    private static final String CHAIN_COPY = "COPY chain (" + ChainEntry.COLUMNS + ") FROM STDIN";

    PostgresObservationStore(PostgresEngine.Pool pool) {
        super(pool);
    }

    @Override
    protected void writeBatch(BatchPlan plan) throws SQLException {
        try (Connection c = db.connect()) {
            Jdbc.transaction(c, t -> {
                // The head lock comes first: it serializes chaining writers (also in other processes), so packet
                // ids, taken next, ascend in chain order.
                ChainHead head = ChainHead.load(t, true);
                plan.resolve(existingKeys(t, plan));
                plan.assignIds(allocateIds(t, plan.newPacketCount()));
                if (plan.newPacketCount() > 0) {
                    CopyManager copy = t.unwrap(PGConnection.class).getCopyAPI();
                    copyPackets(copy, plan);
                    if (plan.newObservationCount() > 0) {
                        copyObservations(copy, plan);
                    }
                    copyChain(copy, chainPackets(t, head, plan, Instant.now()));
                    head.save(t);
                }
                beforeCommit();
                return null;
            });
        }
    }

    private static Map<String, Long> existingKeys(Connection c, BatchPlan plan) throws SQLException {
        Map<String, Long> found = new HashMap<>();
        if (plan.dedupKeys().isEmpty()) {
            return found;
        }
        Array keys = c.createArrayOf("text", plan.dedupKeys().toArray());
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT dedup_key, id FROM raw_packets WHERE dedup_key = ANY(?)")) {
            ps.setArray(1, keys);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), rs.getLong(2));
                }
            }
        } finally {
            keys.free();
        }
        return found;
    }

    private static long[] allocateIds(Connection c, int n) throws SQLException {
        long[] ids = new long[n];
        if (n == 0) {
            return ids;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT nextval('raw_packets_id_seq') FROM generate_series(1, ?)")) {
            ps.setInt(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                int k = 0;
                while (rs.next()) {
                    ids[k++] = rs.getLong(1);
                }
                if (k != n) {
                    throw new SQLException("sequence returned " + k + " ids, expected " + n);
                }
            }
        }
        return ids;
    }

    private static void copyPackets(CopyManager copy, BatchPlan plan) throws SQLException {
        List<PacketWrite> batch = plan.batch();
        CopyText out = new CopyText(copy.copyIn(PACKET_COPY));
        try {
            for (int i : plan.storedIndexes()) {
                RawPacket p = batch.get(i).packet();
                out.number(plan.idOf(i)).tab().time(p.receivedAt()).tab()
                        .text(p.peer()).tab().text(p.source()).tab().text(p.mn()).tab().text(p.cn()).tab()
                        .text(p.qn()).tab().text(p.dedupKey()).tab().text(p.crcOk() ? "t" : "f").tab()
                        .bytea(p.bytes()).endRow();
            }
            out.finish();
        } finally {
            out.cancelIfActive();
        }
    }

    private static void copyObservations(CopyManager copy, BatchPlan plan) throws SQLException {
        List<PacketWrite> batch = plan.batch();
        CopyText out = new CopyText(copy.copyIn(OBSERVATION_COPY));
        try {
            for (int i : plan.storedIndexes()) {
                PacketWrite w = batch.get(i);
                String receivedAt = CopyText.micros(w.packet().receivedAt());
                long id = plan.idOf(i);
                for (ObservationRow r : w.observations()) {
                    out.text(r.siteCode()).tab().text(r.parameter()).tab().text(r.interval().code()).tab()
                            .text(r.statistic().name()).tab().time(r.time()).tab()
                            .text(Double.toString(r.value())).tab().text(r.flag()).tab()
                            .text(receivedAt).tab().number(id).tab().text(r.valid() ? "t" : "f").tab()
                            .text(r.qc()).endRow();
                }
            }
            out.finish();
        } finally {
            out.cancelIfActive();
        }
    }

    private static void copyChain(CopyManager copy, List<ChainEntry> entries) throws SQLException {
        CopyText out = new CopyText(copy.copyIn(CHAIN_COPY));
        try {
            for (ChainEntry e : entries) {
                out.number(e.seq()).tab().text(e.kind()).tab().number(e.refId()).tab().number(e.rowCount()).tab()
                        .bytea(e.fieldsDigest()).tab().bytea(e.bytesDigest()).tab().bytea(e.rowsDigest()).tab()
                        .bytea(e.recordHash()).tab().bytea(e.prevHash()).tab().bytea(e.chainHash()).tab()
                        .text(ChainHead.micros(e.chainedAtMicros()).toString()).endRow();
            }
            out.finish();
        } finally {
            out.cancelIfActive();
        }
    }

    /** PostgreSQL streams the hourly bulk read with a cursor (fetch size, inside a transaction): one query. */
    @Override
    protected String epochMicrosOfTime(String column) {
        return "(EXTRACT(EPOCH FROM " + column + ") * 1000000)::BIGINT";
    }
}
