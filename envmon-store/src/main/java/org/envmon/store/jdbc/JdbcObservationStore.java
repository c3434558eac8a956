package org.envmon.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.envmon.model.HourlyValuesQuery;
import org.envmon.model.Interval;
import org.envmon.model.Observation;
import org.envmon.model.ObservationQuery;
import org.envmon.model.ObservationRow;
import org.envmon.model.ObservationStore;
import org.envmon.model.PacketWrite;
import org.envmon.model.RawPacket;
import org.envmon.model.ReviewRules;
import org.envmon.model.Statistic;
import org.envmon.model.StoreException;
import org.envmon.model.StoredPacket;
import org.envmon.model.WriteOutcome;

/**
 * Reads over portable SQL, and the frame of the write path: one writer at a time, input checks, one retry when a
 * concurrent writer (another process on PostgreSQL) stored one of the batch's dedup keys first. Engines implement
 * {@link #writeBatch} with their bulk-load mechanism.
 */
public abstract class JdbcObservationStore implements ObservationStore {
    /** Packets and observations are appended, the chain is not yet. */
    static final String AFTER_PACKETS = "after-packets";
    /** Chain entries and head are written, the commit is next. */
    static final String BEFORE_COMMIT = "before-commit";
    /**
     * Told each stage above inside the write transaction; a listener that throws rolls it back. A package-private
     * seam for the store's crash tests (their {@code FailPoints}, test code), which show that a failure between
     * storing and chaining leaves neither; the running platform never changes it.
     */
    static volatile Consumer<String> stages = stage -> {
    };

    private static final String OBSERVATION_COLUMNS =
            "site_code, parameter, \"interval\", statistic, \"time\", value, flag, received_at, packet_id, valid, qc";

    private static final String QUERY_SQL = "SELECT " + OBSERVATION_COLUMNS + " FROM ("
            + " SELECT " + OBSERVATION_COLUMNS + ", ROW_NUMBER() OVER ("
            + "   PARTITION BY \"time\" ORDER BY received_at DESC, packet_id DESC) AS rn"
            + " FROM observations"
            + " WHERE site_code = ? AND parameter = ? AND \"interval\" = ? AND statistic = ?"
            + "   AND \"time\" >= ? AND \"time\" < ?"
            + ") latest_copy WHERE rn = 1 ORDER BY \"time\" LIMIT ?";

    private static final String LATEST_SQL = "SELECT " + OBSERVATION_COLUMNS + " FROM ("
            + " SELECT " + OBSERVATION_COLUMNS + ", ROW_NUMBER() OVER ("
            + "   PARTITION BY parameter, \"interval\" ORDER BY \"time\" DESC, received_at DESC, packet_id DESC) AS rn"
            + " FROM observations WHERE site_code = ? AND statistic = ?"
            + ") newest WHERE rn = 1";

    private static final String PACKET_SQL = "SELECT id, bytes, peer, received_at, source, mn, cn, qn, dedup_key,"
            + " crc_ok FROM raw_packets WHERE id = ?";

    protected final ConnectionSource db;

    protected JdbcObservationStore(ConnectionSource db) {
        this.db = db;
    }

    @Override
    public final synchronized List<WriteOutcome> write(List<PacketWrite> batch) {
        BatchPlan plan = BatchPlan.of(batch);
        if (batch.isEmpty()) {
            return List.of();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                writeBatch(plan);
                return plan.outcomes();
            } catch (SQLException | RuntimeException e) {
                if (attempt == 1 && Jdbc.isUniqueViolation(e)) {
                    continue; // someone else stored one of our keys meanwhile: look the keys up again
                }
                if (e instanceof StoreException se) {
                    throw se;
                }
                throw new StoreException("write of " + batch.size() + " packets failed, nothing stored: "
                        + e.getMessage(), e);
            }
        }
    }

    /**
     * Stores the plan in one transaction and commits it; on failure leaves nothing behind (rolls back) and throws.
     * Called by one thread at a time.
     */
    protected abstract void writeBatch(BatchPlan plan) throws SQLException;

    /**
     * The chain entries of the packets the plan stores, in id order, then those of the retroactive QC flags they
     * carry (inserted here into {@code qc_flags}), appended to {@code head} at {@code now}. Called inside the write
     * transaction after the packets and observations were appended.
     */
    protected static List<ChainEntry> chainPackets(Connection c, ChainHead head, BatchPlan plan, Instant now)
            throws SQLException {
        List<ChainEntry> entries = chainPackets(head, plan, now);
        entries.addAll(JdbcQcFlags.store(c, head, plan, now));
        return entries;
    }

    private static List<ChainEntry> chainPackets(ChainHead head, BatchPlan plan, Instant now) {
        stages.accept(AFTER_PACKETS);
        ChainCodec codec = new ChainCodec();
        ChainCodec.Rows rows = codec.rows();
        int[] stored = plan.storedIndexes();
        List<ChainEntry> entries = new ArrayList<>(stored.length);
        if (stored.length == 0) {
            return entries;
        }
        head.begin(codec, now);
        List<PacketWrite> batch = plan.batch();
        for (int i : stored) {
            PacketWrite w = batch.get(i);
            RawPacket p = w.packet();
            long id = plan.idOf(i);
            long receivedAt = Jdbc.epochMicros(p.receivedAt());
            for (ObservationRow r : w.observations()) {
                rows.add(codec.observation(r.siteCode(), r.parameter(), r.interval().code(), r.statistic().name(),
                        Jdbc.epochMicros(r.time()), r.value(), r.flag(), receivedAt, id, r.valid(), r.qc()));
            }
            int n = rows.count();
            byte[] rowsDigest = rows.digest();
            byte[] bytesDigest = codec.sha256(p.bytes());
            byte[] fields = codec.packetFields(id, receivedAt, p.peer(), p.source(), p.mn(), p.cn(), p.qn(),
                    p.dedupKey(), p.crcOk());
            entries.add(head.append(codec, ChainEntry.PACKET, id, n, fields, bytesDigest, rowsDigest));
        }
        return entries;
    }

    /** Marks the end of a write transaction's work, before its commit. */
    protected static void beforeCommit() {
        stages.accept(BEFORE_COMMIT);
    }

    @Override
    public List<Observation> query(ObservationQuery q) {
        Objects.requireNonNull(q, "query");
        return Jdbc.read(db, "observation query", c -> {
            List<Observation> out;
            try (PreparedStatement ps = c.prepareStatement(QUERY_SQL)) {
                ps.setString(1, q.siteCode());
                ps.setString(2, q.parameter());
                ps.setString(3, q.interval().code());
                ps.setString(4, q.statistic().name());
                Jdbc.setInstant(ps, 5, q.from());
                Jdbc.setInstant(ps, 6, q.to());
                ps.setInt(7, q.limit());
                out = observations(ps);
            }
            if (out.isEmpty()) {
                return out;
            }
            out = JdbcQcFlags.apply(out, JdbcQcFlags.overlapping(c, q.siteCode(), out.get(0).time(),
                    out.get(out.size() - 1).time().plusNanos(1000)));
            return ReviewRules.apply(out, JdbcReviewStore.covering(c, q.siteCode(), q.parameter(),
                    q.interval(), out.get(0).time(), out.get(out.size() - 1).time()));
        });
    }

    @Override
    public void hourlyValues(HourlyValuesQuery query, HourlyValuesQuery.Sink sink) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(sink, "sink");
        int perQuery = sitesPerHourlyQuery();
        if (hourlyPlacesInMemory()) {
            // As many sites per query as the in-memory slots hold (short spans: all sites in one scan).
            long hours = Math.max(1, java.time.Duration.between(query.from(), query.to()).toHours() + 1);
            long fit = HourlyReader.MAX_SLOTS / (hours * Math.max(1, query.parameters().size()));
            perQuery = (int) Math.max(perQuery, Math.min(Integer.MAX_VALUE, fit));
        }
        new HourlyReader(query, sink, epochMicrosOfTime("o.\"time\""), 50_000, hourlyPlacesInMemory())
                .read(db, perQuery);
    }

    /**
     * Whether {@link #hourlyValues} reads each chunk unordered and places the values into hour slots in memory
     * rather than having the database sort the chunk: for engines that sort slower than they scan.
     */
    protected boolean hourlyPlacesInMemory() {
        return false;
    }

    /** SQL giving the microseconds since the epoch of a TIMESTAMPTZ column, as a BIGINT. */
    protected abstract String epochMicrosOfTime(String column);

    /**
     * Sites per query of {@link #hourlyValues}: the whole request when the driver streams results, fewer when it
     * materialises each result in memory.
     */
    protected int sitesPerHourlyQuery() {
        return Integer.MAX_VALUE;
    }

    @Override
    public List<Observation> latest(String siteCode) {
        Objects.requireNonNull(siteCode, "siteCode");
        List<Observation> out = Jdbc.read(db, "latest values", c -> {
            try (PreparedStatement ps = c.prepareStatement(LATEST_SQL)) {
                ps.setString(1, siteCode);
                ps.setString(2, Statistic.VALUE.name());
                List<Observation> found = observations(ps);
                if (found.isEmpty()) {
                    return found;
                }
                Instant oldest = found.stream().map(Observation::time).min(Comparator.naturalOrder()).orElseThrow();
                found = JdbcQcFlags.apply(found, JdbcQcFlags.overlapping(c, siteCode, oldest, null));
                return ReviewRules.apply(found, JdbcReviewStore.covering(c, siteCode, null, null,
                        null, null));
            }
        });
        out.sort(Comparator.comparing(Observation::parameter).thenComparing(Observation::interval));
        return out;
    }

    private static List<Observation> observations(PreparedStatement ps) throws SQLException {
        return Jdbc.list(ps, rs -> new Observation(rs.getString(1), rs.getString(2), Interval.fromCode(rs.getString(3)),
                Statistic.valueOf(rs.getString(4)), Jdbc.getInstant(rs, 5), rs.getDouble(6), rs.getString(7),
                Jdbc.getInstant(rs, 8), rs.getLong(9), rs.getBoolean(10), rs.getString(11), null));
    }

    @Override
    public Optional<StoredPacket> packet(long id) {
        return Jdbc.read(db, "packet lookup", c -> {
            try (PreparedStatement ps = c.prepareStatement(PACKET_SQL)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<StoredPacket>empty();
                    }
                    RawPacket p = new RawPacket(rs.getBytes(2), rs.getString(3), Jdbc.getInstant(rs, 4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getBoolean(10));
                    return Optional.of(new StoredPacket(rs.getLong(1), p));
                }
            }
        });
    }

    @Override
    public long observationCount() {
        return Jdbc.read(db, "observation count", c -> Jdbc.count(c, "SELECT count(*) FROM observations"));
    }

    @Override
    public long packetCount() {
        return Jdbc.read(db, "packet count", c -> Jdbc.count(c, "SELECT count(*) FROM raw_packets"));
    }
}
