package org.envmon.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.envmon.model.HourlyValuesQuery;
import org.envmon.model.Interval;
import org.envmon.model.QcFlag;
import org.envmon.model.Review;
import org.envmon.model.Statistic;

/**
 * The bulk hourly read of {@link org.envmon.model.ObservationStore#hourlyValues}: per chunk of sites one query that
 * maps site codes and parameters to their positions in SQL (a join with literal {@code VALUES} lists, so the driver
 * hands back two ints, a long and a double per row and no strings), ordered by (site, parameter, time, newest copy
 * first); duplicates are dropped by comparing with the previous row. Retroactive QC flags and reviews are read once, beforehand, in the same
 * read transaction (one snapshot) and applied per row from small per-site arrays.
 *
 * <p>With {@code placeInMemory} (DuckDB, whose sort of a chunk costs ~3× its scan) a chunk is read unordered, with
 * receipt time and packet id, into dense (site, parameter, hour) slots keeping the newest copy, and delivered by
 * walking the slots in order; a chunk with too many slots or a time off the hour grid takes the ordered query.
 */
final class HourlyReader {
    private final HourlyValuesQuery q;
    private final HourlyValuesQuery.Sink sink;
    private final String epochMicros;
    private final int fetchSize;
    private final boolean placeInMemory;

    /** Most hour slots (sites × parameters × hours) of one chunk placed in memory (~26 bytes each). */
    static final int MAX_SLOTS = Integer.getInteger("envmon.store.hourlyMaxSlots", 8_000_000);
    private static final long HOUR_MICROS = 3_600_000_000L;

    /** Per slot of the in-memory placement: the newest copy seen so far. */
    private double[] slotValue;
    private long[] slotReceived;
    private long[] slotPacket;
    private boolean[] slotValid;
    private boolean[] slotPresent;

    /** Per site position: review scopes, newest first (the first covering one decides). */
    private SiteRanges reviews;
    /** Per site position: retroactive QC flags of hourly series (each makes the values it covers invalid). */
    private SiteRanges flags;

    HourlyReader(HourlyValuesQuery q, HourlyValuesQuery.Sink sink, String epochMicrosOfTime, int fetchSize) {
        this(q, sink, epochMicrosOfTime, fetchSize, false);
    }

    /**
     * @param placeInMemory read each chunk unordered and put every value into its (site, parameter, hour) slot in
     *                      memory instead of letting the database sort the chunk: for engines whose sort costs more
     *                      than the scan (DuckDB). Falls back to the ordered query for a chunk whose slots would
     *                      not fit in {@link #MAX_SLOTS} or that holds a time not on the hour grid from
     *                      {@code q.from()}.
     */
    HourlyReader(HourlyValuesQuery q, HourlyValuesQuery.Sink sink, String epochMicrosOfTime, int fetchSize,
            boolean placeInMemory) {
        this.q = q;
        this.sink = sink;
        this.epochMicros = epochMicrosOfTime;
        this.fetchSize = fetchSize;
        this.placeInMemory = placeInMemory;
    }

    void read(ConnectionSource db, int sitesPerQuery) {
        if (q.siteCodes().isEmpty() || q.parameters().isEmpty() || !q.from().isBefore(q.to())) {
            return;
        }
        // One transaction: one snapshot for reviews and values; PostgreSQL streams only inside a transaction.
        Jdbc.read(db, "hourly values", c -> Jdbc.transaction(c, t -> {
            loadReviews(t);
            loadFlags(t);
            int n = q.siteCodes().size();
            int step = Math.max(1, sitesPerQuery);
            for (int from = 0; from < n; from += step) {
                int to = Math.min(n, from + step);
                if (!placeInMemory || !placed(t, from, to)) {
                    values(t, from, to);
                }
            }
            return null;
        }));
    }

    private void loadReviews(Connection c) throws SQLException {
        Map<String, Integer> sites = index(q.siteCodes());
        Map<String, Integer> params = index(q.parameters());
        try (PreparedStatement ps = c.prepareStatement("SELECT " + JdbcReviewStore.COLUMNS
                + " FROM reviews r LEFT JOIN chain c ON c.kind = 'review' AND c.ref_id = r.id"
                + " WHERE r.from_time < ? AND r.to_time > ? ORDER BY r.id DESC")) {
            Jdbc.setInstant(ps, 1, q.to());
            Jdbc.setInstant(ps, 2, q.from());
            reviews = SiteRanges.of(q.siteCodes().size(), JdbcReviewStore.reviews(ps), r -> {
                Integer s = sites.get(r.siteCode());
                boolean scope = (r.interval() == null || r.interval() == Interval.HOUR)
                        && (r.parameter() == null || params.containsKey(r.parameter()));
                return s != null && scope ? s : -1;
            }, r -> r.parameter() == null ? -1 : params.get(r.parameter()), Review::from, Review::to,
                    r -> r.decision().valid());
        }
    }

    private void loadFlags(Connection c) throws SQLException {
        Map<String, Integer> sites = index(q.siteCodes());
        Map<String, Integer> params = index(q.parameters());
        flags = SiteRanges.of(q.siteCodes().size(), JdbcQcFlags.overlapping(c, null, q.from(), q.to()), f -> {
            Integer s = sites.get(f.siteCode());
            return s != null && f.interval() == Interval.HOUR && params.containsKey(f.parameter()) ? s : -1;
        }, f -> params.get(f.parameter()), QcFlag::from, QcFlag::to, f -> false);
    }

    /**
     * The chunk read unordered into hour slots, then delivered slot by slot (site, parameter, time order); false
     * (nothing delivered) when the chunk does not fit the slots.
     */
    private boolean placed(Connection c, int siteFrom, int siteTo) throws SQLException {
        long fromMicros = Jdbc.epochMicros(q.from());
        long spanMicros = Jdbc.epochMicros(q.to()) - fromMicros;
        long hoursLong = spanMicros / HOUR_MICROS + (spanMicros % HOUR_MICROS == 0 ? 0 : 1);
        int params = q.parameters().size();
        long slots = hoursLong * params * (siteTo - siteFrom);
        if (spanMicros <= 0 || slots > MAX_SLOTS) {
            return false;
        }
        int hours = (int) hoursLong;
        int size = (int) slots;
        if (slotPresent == null || slotPresent.length < size) {
            slotValue = new double[size];
            slotReceived = new long[size];
            slotPacket = new long[size];
            slotValid = new boolean[size];
            slotPresent = new boolean[size];
        } else {
            java.util.Arrays.fill(slotPresent, 0, size, false);
        }
        StringBuilder sql = new StringBuilder(256 + 24 * (siteTo - siteFrom));
        sql.append("SELECT s.idx, p.idx, ").append(epochMicros).append(", o.value, coalesce(o.valid, TRUE), ")
                .append(epochMicros.replace("o.\"time\"", "o.received_at")).append(", o.packet_id");
        fromWhere(sql, siteFrom, siteTo);
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long off = rs.getLong(3) - fromMicros;
                    if (off < 0 || off % HOUR_MICROS != 0) {
                        return false; // off the grid: the ordered query handles it
                    }
                    int slot = ((rs.getInt(1) - siteFrom) * params + rs.getInt(2)) * hours
                            + (int) (off / HOUR_MICROS);
                    long received = rs.getLong(6);
                    long packet = rs.getLong(7);
                    if (slotPresent[slot] && (received < slotReceived[slot]
                            || received == slotReceived[slot] && packet <= slotPacket[slot])) {
                        continue; // an older copy than the one kept
                    }
                    slotPresent[slot] = true;
                    slotReceived[slot] = received;
                    slotPacket[slot] = packet;
                    slotValue[slot] = rs.getDouble(4);
                    slotValid[slot] = rs.getBoolean(5);
                }
            }
        }
        int slot = 0;
        for (int s = siteFrom; s < siteTo; s++) {
            for (int p = 0; p < params; p++) {
                for (int h = 0; h < hours; h++, slot++) {
                    if (slotPresent[slot]) {
                        long t = fromMicros + h * HOUR_MICROS;
                        deliver(s, p, t, slotValue[slot], slotValid[slot]);
                    }
                }
            }
        }
        return true;
    }

    private void fromWhere(StringBuilder sql, int siteFrom, int siteTo) {
        sql.append(" FROM observations o JOIN (VALUES ");
        for (int i = siteFrom; i < siteTo; i++) {
            literal(sql.append(i == siteFrom ? "(" : ",("), q.siteCodes().get(i)).append(',').append(i).append(')');
        }
        sql.append(") AS s(code, idx) ON o.site_code = s.code JOIN (VALUES ");
        for (int i = 0; i < q.parameters().size(); i++) {
            literal(sql.append(i == 0 ? "(" : ",("), q.parameters().get(i)).append(',').append(i).append(')');
        }
        sql.append(") AS p(code, idx) ON o.parameter = p.code")
                .append(" WHERE o.\"interval\" = ? AND o.statistic = ? AND o.\"time\" >= ? AND o.\"time\" < ?");
    }

    private void bind(PreparedStatement ps) throws SQLException {
        ps.setString(1, Interval.HOUR.code());
        ps.setString(2, Statistic.VALUE.name());
        Jdbc.setInstant(ps, 3, q.from());
        Jdbc.setInstant(ps, 4, q.to());
        ps.setFetchSize(fetchSize);
    }

    private void values(Connection c, int siteFrom, int siteTo) throws SQLException {
        StringBuilder sql = new StringBuilder(256 + 24 * (siteTo - siteFrom));
        sql.append("SELECT s.idx, p.idx, ").append(epochMicros).append(", o.value, coalesce(o.valid, TRUE)");
        fromWhere(sql, siteFrom, siteTo);
        sql.append(" ORDER BY s.idx, p.idx, o.\"time\", o.received_at DESC, o.packet_id DESC");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                int lastSite = -1;
                int lastParam = -1;
                long lastTime = Long.MIN_VALUE;
                while (rs.next()) {
                    int s = rs.getInt(1);
                    int p = rs.getInt(2);
                    long t = rs.getLong(3);
                    if (s == lastSite && p == lastParam && t == lastTime) {
                        continue; // an older copy of the value just delivered
                    }
                    lastSite = s;
                    lastParam = p;
                    lastTime = t;
                    deliver(s, p, t, rs.getDouble(4), rs.getBoolean(5));
                }
            }
        }
    }

    /**
     * One value to the sink: invalid when a retroactive QC flag covers it, then overridden by the newest covering
     * review; {@code t} in microseconds.
     */
    private void deliver(int s, int p, long t, double v, boolean valid) {
        if (valid && flags.verdict(s, p, t) != SiteRanges.NONE) {
            valid = false;
        }
        int review = reviews.verdict(s, p, t);
        if (review != SiteRanges.NONE) {
            valid = review == 1;
        }
        sink.value(s, p, Math.floorDiv(t, 1_000_000L), v, valid);
    }

    private static StringBuilder literal(StringBuilder sb, String s) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("code contains U+0000");
        }
        // a standard SQL string literal: only the quote needs escaping
        return sb.append('\'').append(s.replace("'", "''")).append('\'');
    }

    private static Map<String, Integer> index(List<String> l) {
        Map<String, Integer> m = new HashMap<>(l.size() * 2);
        for (int i = 0; i < l.size(); i++) {
            m.put(l.get(i), i);
        }
        return m;
    }
}
