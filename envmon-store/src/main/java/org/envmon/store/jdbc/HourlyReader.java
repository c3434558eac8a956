package org.envmon.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.envmon.store.HourlyValuesQuery;
import org.envmon.store.Interval;
import org.envmon.store.Review;
import org.envmon.store.Statistic;

/**
 * The bulk hourly read of {@link org.envmon.store.ObservationStore#hourlyValues}: per chunk of sites one query that
 * maps site codes and parameters to their positions in SQL (a join with literal {@code VALUES} lists, so the driver
 * hands back two ints, a long and a double per row and no strings), ordered by (site, parameter, time, newest copy
 * first); duplicates are dropped by comparing with the previous row. Reviews are read once, beforehand, in the same
 * read transaction (one snapshot) and applied per row from small per-site arrays.
 */
final class HourlyReader {
    private final HourlyValuesQuery q;
    private final HourlyValuesQuery.Sink sink;
    private final String epochMicros;
    private final int fetchSize;

    /** Per site position: review scopes, newest first; {@code param} −1 = all parameters. */
    private int[][] reviewParam;
    private long[][] reviewFrom;
    private long[][] reviewTo;
    private boolean[][] reviewValid;

    HourlyReader(HourlyValuesQuery q, HourlyValuesQuery.Sink sink, String epochMicrosOfTime, int fetchSize) {
        this.q = q;
        this.sink = sink;
        this.epochMicros = epochMicrosOfTime;
        this.fetchSize = fetchSize;
    }

    void read(ConnectionSource db, int sitesPerQuery) {
        if (q.siteCodes().isEmpty() || q.parameters().isEmpty() || !q.from().isBefore(q.to())) {
            return;
        }
        Jdbc.read(db, "hourly values", c -> {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false); // one snapshot for reviews and values; PostgreSQL streams only inside a transaction
            try {
                loadReviews(c);
                int n = q.siteCodes().size();
                int step = Math.max(1, sitesPerQuery);
                for (int from = 0; from < n; from += step) {
                    values(c, from, Math.min(n, from + step));
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                Jdbc.rollbackQuietly(c, e);
                throw e;
            } finally {
                try {
                    c.setAutoCommit(auto);
                } catch (SQLException ignored) {
                    // closed next
                }
            }
            return null;
        });
    }

    private void loadReviews(Connection c) throws SQLException {
        int n = q.siteCodes().size();
        Map<String, Integer> sites = index(q.siteCodes());
        Map<String, Integer> params = index(q.parameters());
        List<List<Review>> bySite = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            bySite.add(null);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + JdbcReviewStore.COLUMNS
                + " FROM reviews r LEFT JOIN chain c ON c.kind = 'review' AND c.ref_id = r.id"
                + " WHERE r.from_time < ? AND r.to_time > ? ORDER BY r.id DESC")) {
            Jdbc.setInstant(ps, 1, q.to());
            Jdbc.setInstant(ps, 2, q.from());
            for (Review r : JdbcReviewStore.reviews(ps)) {
                Integer s = sites.get(r.siteCode());
                boolean scope = (r.interval() == null || r.interval() == Interval.HOUR)
                        && (r.parameter() == null || params.containsKey(r.parameter()));
                if (s != null && scope) {
                    if (bySite.get(s) == null) {
                        bySite.set(s, new ArrayList<>());
                    }
                    bySite.get(s).add(r);
                }
            }
        }
        reviewParam = new int[n][];
        reviewFrom = new long[n][];
        reviewTo = new long[n][];
        reviewValid = new boolean[n][];
        for (int s = 0; s < n; s++) {
            List<Review> l = bySite.get(s);
            if (l == null) {
                continue;
            }
            int k = l.size();
            reviewParam[s] = new int[k];
            reviewFrom[s] = new long[k];
            reviewTo[s] = new long[k];
            reviewValid[s] = new boolean[k];
            for (int j = 0; j < k; j++) {
                Review r = l.get(j);
                reviewParam[s][j] = r.parameter() == null ? -1 : params.get(r.parameter());
                reviewFrom[s][j] = Jdbc.epochMicros(r.from());
                reviewTo[s][j] = Jdbc.epochMicros(r.to());
                reviewValid[s][j] = r.decision().valid();
            }
        }
    }

    private void values(Connection c, int siteFrom, int siteTo) throws SQLException {
        StringBuilder sql = new StringBuilder(256 + 24 * (siteTo - siteFrom));
        sql.append("SELECT s.idx, p.idx, ").append(epochMicros).append(", o.value, coalesce(o.valid, TRUE)")
                .append(" FROM observations o JOIN (VALUES ");
        for (int i = siteFrom; i < siteTo; i++) {
            literal(sql.append(i == siteFrom ? "(" : ",("), q.siteCodes().get(i)).append(',').append(i).append(')');
        }
        sql.append(") AS s(code, idx) ON o.site_code = s.code JOIN (VALUES ");
        for (int i = 0; i < q.parameters().size(); i++) {
            literal(sql.append(i == 0 ? "(" : ",("), q.parameters().get(i)).append(',').append(i).append(')');
        }
        sql.append(") AS p(code, idx) ON o.parameter = p.code")
                .append(" WHERE o.\"interval\" = ? AND o.statistic = ? AND o.\"time\" >= ? AND o.\"time\" < ?")
                .append(" ORDER BY s.idx, p.idx, o.\"time\", o.received_at DESC, o.packet_id DESC");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setString(1, Interval.HOUR.code());
            ps.setString(2, Statistic.VALUE.name());
            Jdbc.setInstant(ps, 3, q.from());
            Jdbc.setInstant(ps, 4, q.to());
            ps.setFetchSize(fetchSize);
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
                    double v = rs.getDouble(4);
                    boolean valid = rs.getBoolean(5);
                    int[] rp = reviewParam[s];
                    if (rp != null) {
                        for (int j = 0; j < rp.length; j++) { // newest first: the first covering review decides
                            if ((rp[j] < 0 || rp[j] == p) && t >= reviewFrom[s][j] && t < reviewTo[s][j]) {
                                valid = reviewValid[s][j];
                                break;
                            }
                        }
                    }
                    sink.value(s, p, Math.floorDiv(t, 1_000_000L), v, valid);
                }
            }
        }
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
