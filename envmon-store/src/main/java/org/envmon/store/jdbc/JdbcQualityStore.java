package org.envmon.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.envmon.model.Completeness;
import org.envmon.model.CompletenessQuery;
import org.envmon.model.Interval;
import org.envmon.model.QcFlag;
import org.envmon.model.QualityStore;
import org.envmon.model.Review;
import org.envmon.model.ReviewRules;
import org.envmon.model.SiteStatus;
import org.envmon.model.Statistic;

/**
 * Completeness counted in Java over one ordered scan of the query's values (statistic VALUE), so the latest-copy
 * rule, retroactive QC flags and reviews apply exactly as in {@link org.envmon.model.ObservationStore#query}. A value's slot is its time
 * truncated to the interval (whole hours/minutes since the epoch; days in the query's zone).
 */
public final class JdbcQualityStore implements QualityStore {
    private final ConnectionSource db;

    public JdbcQualityStore(ConnectionSource db) {
        this.db = db;
    }

    @Override
    public List<Completeness> daily(CompletenessQuery q) {
        Objects.requireNonNull(q, "query");
        return Jdbc.read(db, "completeness", c -> compute(c, q));
    }

    @Override
    public List<Completeness> monthly(CompletenessQuery q) {
        Map<String, Map<YearMonth, Completeness>> bySite = new LinkedHashMap<>();
        for (Completeness d : daily(q)) {
            bySite.computeIfAbsent(d.siteCode(), k -> new TreeMap<>()).merge(YearMonth.from(d.from()), d,
                    (a, b) -> new Completeness(a.siteCode(), a.from(), b.to(), a.expected() + b.expected(),
                            a.received() + b.received(), a.valid() + b.valid()));
        }
        List<Completeness> out = new ArrayList<>();
        bySite.values().forEach(m -> out.addAll(m.values()));
        return out;
    }

    private static List<Completeness> compute(Connection c, CompletenessQuery q) throws SQLException {
        ZoneId zone = q.zone();
        int days = (int) ChronoUnit.DAYS.between(q.from(), q.to());
        Instant from = q.from().atStartOfDay(zone).toInstant();
        Instant to = q.to().atStartOfDay(zone).toInstant();
        List<String> sites = q.siteCodes().isEmpty() ? registeredSites(c) : q.siteCodes();
        Map<String, long[][]> counts = new LinkedHashMap<>(); // site -> day -> {received, valid}
        for (String s : sites) {
            counts.put(s, new long[days][2]);
        }
        Map<String, List<Review>> reviews = reviews(c, from, to);
        Map<String, List<QcFlag>> flags = new HashMap<>();
        for (QcFlag f : JdbcQcFlags.overlapping(c, null, from, to)) {
            flags.computeIfAbsent(f.siteCode(), k -> new ArrayList<>()).add(f);
        }

        StringBuilder sql = new StringBuilder("SELECT site_code, parameter, \"time\", received_at, packet_id, valid"
                + " FROM observations WHERE \"interval\" = ? AND statistic = ? AND \"time\" >= ? AND \"time\" < ?"
                + " AND parameter IN (" + Jdbc.placeholders(q.parameters().size()) + ")");
        if (!q.siteCodes().isEmpty()) {
            sql.append(" AND site_code IN (").append(Jdbc.placeholders(sites.size())).append(')');
        }
        sql.append(" ORDER BY site_code, parameter");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int k = 1;
            ps.setString(k++, q.interval().code());
            ps.setString(k++, Statistic.VALUE.name());
            Jdbc.setInstant(ps, k++, from);
            Jdbc.setInstant(ps, k++, to);
            for (String p : q.parameters()) {
                ps.setString(k++, p);
            }
            if (!q.siteCodes().isEmpty()) {
                for (String s : sites) {
                    ps.setString(k++, s);
                }
            }
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                String site = null;
                String parameter = null;
                Map<Long, Object[]> slots = new HashMap<>(); // slot -> {time, receivedAt, packetId, valid}
                while (rs.next()) {
                    String s = rs.getString(1);
                    String p = rs.getString(2);
                    if (!s.equals(site) || !p.equals(parameter)) {
                        flush(site, parameter, slots, q, counts, reviews, flags);
                        site = s;
                        parameter = p;
                    }
                    Instant time = Jdbc.getInstant(rs, 3);
                    Instant received = Jdbc.getInstant(rs, 4);
                    long packet = rs.getLong(5);
                    boolean valid = rs.getBoolean(6);
                    long slot = slot(q.interval(), time, zone);
                    Object[] seen = slots.get(slot);
                    if (seen == null || received.isAfter((Instant) seen[1])
                            || (received.equals(seen[1]) && packet > (Long) seen[2])) {
                        slots.put(slot, new Object[] {time, received, packet, valid});
                    }
                }
                flush(site, parameter, slots, q, counts, reviews, flags);
            }
        }
        List<Completeness> out = new ArrayList<>(counts.size() * days);
        for (Map.Entry<String, long[][]> e : counts.entrySet()) {
            for (int d = 0; d < days; d++) {
                LocalDate day = q.from().plusDays(d);
                long expected = slotsPerDay(q.interval(), day, zone) * q.parameters().size();
                out.add(new Completeness(e.getKey(), day, day.plusDays(1), expected, e.getValue()[d][0],
                        e.getValue()[d][1]));
            }
        }
        return out;
    }

    private static void flush(String site, String parameter, Map<Long, Object[]> slots, CompletenessQuery q,
            Map<String, long[][]> counts, Map<String, List<Review>> reviews, Map<String, List<QcFlag>> flags) {
        if (site == null || slots.isEmpty()) {
            slots.clear();
            return;
        }
        long[][] perDay = counts.get(site);
        if (perDay != null) {
            List<Review> siteReviews = reviews.getOrDefault(site, List.of());
            List<QcFlag> siteFlags = flags.getOrDefault(site, List.of());
            for (Object[] v : slots.values()) {
                Instant time = (Instant) v[0];
                int d = (int) ChronoUnit.DAYS.between(q.from(), time.atZone(q.zone()).toLocalDate());
                if (d < 0 || d >= perDay.length) {
                    continue;
                }
                Boolean reviewed = ReviewRules.decision(siteReviews, site, parameter, q.interval(), time);
                boolean valid = (Boolean) v[3];
                for (QcFlag f : siteFlags) {
                    valid &= !f.covers(site, parameter, q.interval(), Statistic.VALUE, time);
                }
                perDay[d][0]++;
                if (reviewed != null ? reviewed : valid) {
                    perDay[d][1]++;
                }
            }
        }
        slots.clear();
    }

    private static long slot(Interval interval, Instant time, ZoneId zone) {
        return switch (interval) {
            case HOUR -> Math.floorDiv(time.getEpochSecond(), 3600);
            case MINUTE -> Math.floorDiv(time.getEpochSecond(), 60);
            case DAY -> time.atZone(zone).toLocalDate().toEpochDay();
            case REALTIME -> throw new IllegalArgumentException("realtime values have no slots");
        };
    }

    /** Steps of the interval in a local day (24 hours, or 23/25 on DST change days in zones that have them). */
    static long slotsPerDay(Interval interval, LocalDate day, ZoneId zone) {
        Duration length = Duration.between(day.atStartOfDay(zone), day.plusDays(1).atStartOfDay(zone));
        return switch (interval) {
            case HOUR -> length.toHours();
            case MINUTE -> length.toMinutes();
            case DAY -> 1;
            case REALTIME -> throw new IllegalArgumentException("realtime values have no slots");
        };
    }

    private static List<String> registeredSites(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT code FROM sites ORDER BY code")) {
            return Jdbc.list(ps, rs -> rs.getString(1));
        }
    }

    private static Map<String, List<Review>> reviews(Connection c, Instant from, Instant to) throws SQLException {
        Map<String, List<Review>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + JdbcReviewStore.COLUMNS
                + " FROM reviews r LEFT JOIN chain c ON c.kind = 'review' AND c.ref_id = r.id"
                + " WHERE r.from_time < ? AND r.to_time > ? ORDER BY r.id")) {
            Jdbc.setInstant(ps, 1, to);
            Jdbc.setInstant(ps, 2, from);
            for (Review r : JdbcReviewStore.reviews(ps)) {
                out.computeIfAbsent(r.siteCode(), k -> new ArrayList<>()).add(r);
            }
        }
        return out;
    }

    @Override
    public List<QcFlag> qcFlags(String siteCode, Instant from, Instant to) {
        Objects.requireNonNull(siteCode, "siteCode");
        return Jdbc.read(db, "QC flags", c -> JdbcQcFlags.overlapping(c, siteCode, from, to));
    }

    @Override
    public List<SiteStatus> status(Instant now, Duration offlineAfter) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(offlineAfter, "offlineAfter");
        Instant threshold = now.minus(offlineAfter);
        return Jdbc.read(db, "site status", c -> {
            Map<String, Instant> byMn = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT mn, max(received_at) FROM raw_packets"
                    + " WHERE mn IS NOT NULL GROUP BY mn"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byMn.put(rs.getString(1), Jdbc.getInstant(rs, 2));
                }
            }
            List<SiteStatus> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT code, mn FROM sites ORDER BY code");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String code = rs.getString(1);
                    String mn = rs.getString(2);
                    // Online means the station itself transmits: imported files say nothing about it.
                    Instant last = mn == null ? null : byMn.get(mn);
                    out.add(new SiteStatus(code, last, last != null && last.isAfter(threshold)));
                }
            }
            return out;
        });
    }
}
