package org.envmon.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.envmon.model.Interval;
import org.envmon.model.Observation;
import org.envmon.model.PacketWrite;
import org.envmon.model.QcFlag;
import org.envmon.model.StoreException;

/**
 * Retroactive QC flags ({@link QcFlag}, table {@code qc_flags}): stored and chained inside the write transaction of
 * the packet that carries them, and applied by every read of values (query, latest, the bulk hourly read,
 * completeness). Observations are never updated, so their chained records stay as they were.
 */
final class JdbcQcFlags {
    static final String COLUMNS = "f.id, f.site_code, f.parameter, f.\"interval\", f.from_time, f.to_time, f.code,"
            + " f.run_length, f.run_value, f.packet_id, f.flagged_at, c.seq";
    static final String FROM = " FROM qc_flags f LEFT JOIN chain c ON c.kind = '" + ChainEntry.QC_FLAG
            + "' AND c.ref_id = f.id";

    private JdbcQcFlags() {
    }

    /**
     * Inserts the flags of the plan's stored packets and appends their chain entries to {@code head} (after the
     * packets' entries, so {@link ChainHead#begin} was called). Called inside the write transaction.
     */
    static List<ChainEntry> store(Connection c, ChainHead head, BatchPlan plan, Instant now) throws SQLException {
        List<PacketWrite> batch = plan.batch();
        List<ChainEntry> entries = new ArrayList<>();
        long id = -1;
        ChainCodec codec = null;
        Instant flaggedAt = ChainHead.micros(Jdbc.epochMicros(now));
        for (int i : plan.storedIndexes()) {
            List<QcFlag> flags = batch.get(i).qcFlags();
            if (flags.isEmpty()) {
                continue;
            }
            if (id < 0) {
                id = Jdbc.count(c, "SELECT coalesce(max(id), 0) + 1 FROM qc_flags");
                codec = new ChainCodec();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO qc_flags (id, site_code, parameter,"
                    + " \"interval\", from_time, to_time, code, run_length, run_value, packet_id, flagged_at)"
                    + " VALUES (" + Jdbc.placeholders(11) + ")")) {
                for (QcFlag f : flags) {
                    QcFlag s = new QcFlag(id++, f.siteCode(), f.parameter(), f.interval(),
                            ChainHead.micros(Jdbc.epochMicros(f.from())), ChainHead.micros(Jdbc.epochMicros(f.to())),
                            f.code(), f.runLength(), f.runValue(), plan.idOf(i), flaggedAt, 0);
                    ps.setLong(1, s.id());
                    ps.setString(2, s.siteCode());
                    ps.setString(3, s.parameter());
                    ps.setString(4, s.interval().code());
                    Jdbc.setInstant(ps, 5, s.from());
                    Jdbc.setInstant(ps, 6, s.to());
                    ps.setString(7, s.code());
                    ps.setInt(8, s.runLength());
                    ps.setDouble(9, s.runValue());
                    ps.setLong(10, s.packetId());
                    Jdbc.setInstant(ps, 11, s.flaggedAt());
                    ps.executeUpdate();
                    entries.add(head.append(codec, ChainEntry.QC_FLAG, s.id(), 0, fields(codec, s), null, null));
                }
            }
        }
        return entries;
    }

    static byte[] fields(ChainCodec codec, QcFlag f) {
        return codec.qcFlagFields(f.id(), f.siteCode(), f.parameter(), f.interval().code(),
                Jdbc.epochMicros(f.from()), Jdbc.epochMicros(f.to()), f.code(), f.runLength(), f.runValue(),
                f.packetId(), Jdbc.epochMicros(f.flaggedAt()));
    }

    /**
     * Flags overlapping [from, to) ({@code null} = unbounded) of one site ({@code null} = all), oldest first.
     */
    static List<QcFlag> overlapping(Connection c, String site, Instant from, Instant to) throws SQLException {
        Where where = new Where().and("f.site_code = ?", site).and("f.from_time < ?", to).and("f.to_time > ?", from);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM + where + " ORDER BY f.id")) {
            where.bind(ps);
            return Jdbc.list(ps, JdbcQcFlags::flag);
        }
    }

    private static QcFlag flag(ResultSet rs) throws SQLException {
        long seq = rs.getLong(12);
        if (rs.wasNull()) {
            seq = -1;
        }
        try {
            return new QcFlag(rs.getLong(1), rs.getString(2), rs.getString(3), Interval.fromCode(rs.getString(4)),
                    Jdbc.getInstant(rs, 5), Jdbc.getInstant(rs, 6), rs.getString(7), rs.getInt(8), rs.getDouble(9),
                    rs.getLong(10), Jdbc.getInstant(rs, 11), seq);
        } catch (IllegalArgumentException e) {
            throw new StoreException("QC flag " + rs.getLong(1) + " has an unreadable column: " + e.getMessage(), e);
        }
    }

    /** The values with the codes of the flags covering them added and their QC verdict made invalid. */
    static List<Observation> apply(List<Observation> values, List<QcFlag> flags) {
        if (flags.isEmpty()) {
            return values;
        }
        List<Observation> out = new ArrayList<>(values.size());
        for (Observation o : values) {
            String qc = o.qc();
            boolean hit = false;
            for (QcFlag f : flags) {
                if (f.covers(o.siteCode(), o.parameter(), o.interval(), o.statistic(), o.time())) {
                    hit = true;
                    qc = withCode(qc, f.code());
                }
            }
            out.add(!hit ? o : new Observation(o.siteCode(), o.parameter(), o.interval(), o.statistic(), o.time(),
                    o.value(), o.flag(), o.receivedAt(), o.packetId(), false, qc, o.reviewedValid()));
        }
        return out;
    }

    static String withCode(String qc, String code) {
        if (qc == null || qc.isEmpty()) {
            return code;
        }
        for (String c : qc.split(";")) {
            if (c.equals(code)) {
                return qc;
            }
        }
        return qc + ";" + code;
    }
}
