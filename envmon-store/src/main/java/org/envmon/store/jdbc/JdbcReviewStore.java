package org.envmon.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.envmon.model.Interval;
import org.envmon.model.Observation;
import org.envmon.model.Review;
import org.envmon.model.ReviewDecision;
import org.envmon.model.ReviewRejectedException;
import org.envmon.model.ReviewRejectedException.Reason;
import org.envmon.model.ReviewRequest;
import org.envmon.model.ReviewStore;
import org.envmon.model.StoreException;

/**
 * Reviews over portable SQL. A review is validated, inserted and chained in one transaction under the store's write
 * lock (the chain has one head). See {@link ReviewStore} for the overlap rule.
 */
public final class JdbcReviewStore implements ReviewStore {
    static final String COLUMNS = "r.id, r.site_code, r.parameter, r.\"interval\", r.from_time, r.to_time, r.decision,"
            + " r.reason, r.operator, r.principal, r.decided_at, c.seq";
    private static final String FROM = " FROM reviews r LEFT JOIN chain c ON c.kind = 'review' AND c.ref_id = r.id";

    private final ConnectionSource db;
    private final Object writeLock;
    private final boolean lockHeadRow;

    /**
     * @param writeLock   the monitor every chaining write holds (the observation store)
     * @param lockHeadRow whether the database needs {@code SELECT ... FOR UPDATE} on the chain head (PostgreSQL)
     */
    public JdbcReviewStore(ConnectionSource db, Object writeLock, boolean lockHeadRow) {
        this.db = db;
        this.writeLock = writeLock;
        this.lockHeadRow = lockHeadRow;
    }

    @Override
    public Review record(ReviewRequest request) {
        Objects.requireNonNull(request, "request");
        String site = required(request.siteCode(), "siteCode");
        String reason = required(request.reason(), "reason");
        String operator = required(request.operator(), "operator");
        if (request.decision() == null) {
            throw new ReviewRejectedException(Reason.INVALID, "decision is required: INVALID or VALID");
        }
        if (request.from() == null || request.to() == null) {
            throw new ReviewRejectedException(Reason.INVALID, "from and to are required");
        }
        Instant from = request.from().truncatedTo(ChronoUnit.MICROS);
        Instant to = request.to().truncatedTo(ChronoUnit.MICROS);
        if (!from.isBefore(to)) {
            throw new ReviewRejectedException(Reason.INVALID, "empty time range: from " + beijing(from)
                    + " must be before to " + beijing(to));
        }
        String parameter = blankToNull(request.parameter());
        String principal = blankToNull(request.principal());
        Instant decidedAt = (request.decidedAt() == null ? Instant.now() : request.decidedAt())
                .truncatedTo(ChronoUnit.MICROS);
        synchronized (writeLock) {
            return Jdbc.inTransaction(db, "review of " + site, c -> {
                ChainHead head = ChainHead.load(c, lockHeadRow);
                checkSiteAndData(c, site, parameter, request.interval(), from, to);
                checkOverlap(c, site, parameter, request.interval(), from, to, request.decision());
                long id = Jdbc.count(c, "SELECT coalesce(max(id), 0) + 1 FROM reviews");
                Review review = new Review(id, site, parameter, request.interval(), from, to, request.decision(),
                        reason, operator, principal, decidedAt, head.seq() + 1);
                insert(c, review);
                ChainCodec codec = new ChainCodec();
                head.begin(codec, Instant.now());
                ChainHead.insert(c, List.of(head.append(codec, ChainEntry.REVIEW, id, 0, fields(codec, review),
                        null, null)));
                head.save(c);
                JdbcObservationStore.beforeCommit();
                return review;
            });
        }
    }

    static byte[] fields(ChainCodec codec, Review r) {
        return codec.reviewFields(r.id(), r.siteCode(), r.parameter(), r.interval() == null ? null
                : r.interval().code(), Jdbc.epochMicros(r.from()), Jdbc.epochMicros(r.to()), r.decision().name(),
                r.reason(), r.operator(), r.principal(), Jdbc.epochMicros(r.decidedAt()));
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new ReviewRejectedException(Reason.INVALID, name + " is required and must not be blank");
        }
        if (value.indexOf('\0') >= 0) {
            throw new ReviewRejectedException(Reason.INVALID, name + " must not contain U+0000");
        }
        return value.trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static void checkSiteAndData(Connection c, String site, String parameter, Interval interval, Instant from,
            Instant to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM sites WHERE code = ?")) {
            ps.setString(1, site);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    throw new ReviewRejectedException(Reason.NOT_FOUND, "site '" + site + "' does not exist");
                }
            }
        }
        StringBuilder sql = new StringBuilder("SELECT 1 FROM observations WHERE site_code = ?");
        if (parameter != null) {
            sql.append(" AND parameter = ?");
        }
        if (interval != null) {
            sql.append(" AND \"interval\" = ?");
        }
        sql.append(" AND \"time\" >= ? AND \"time\" < ? LIMIT 1");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int k = 1;
            ps.setString(k++, site);
            if (parameter != null) {
                ps.setString(k++, parameter);
            }
            if (interval != null) {
                ps.setString(k++, interval.code());
            }
            Jdbc.setInstant(ps, k++, from);
            Jdbc.setInstant(ps, k, to);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ReviewRejectedException(Reason.NOT_FOUND, "no values of site '" + site + "'"
                            + (parameter == null ? "" : " parameter '" + parameter + "'")
                            + (interval == null ? "" : " interval " + interval.code())
                            + " in [" + beijing(from) + ", " + beijing(to) + ")");
                }
            }
        }
    }

    /** The overlap rule of {@link ReviewStore}. */
    private static void checkOverlap(Connection c, String site, String parameter, Interval interval, Instant from,
            Instant to, ReviewDecision decision) throws SQLException {
        List<Review> same;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM + " WHERE r.site_code = ?"
                + " AND r.parameter IS NOT DISTINCT FROM ? AND r.\"interval\" IS NOT DISTINCT FROM ?"
                + " AND r.from_time < ? AND r.to_time > ? ORDER BY r.id")) {
            ps.setString(1, site);
            ps.setString(2, parameter);
            ps.setString(3, interval == null ? null : interval.code());
            Jdbc.setInstant(ps, 4, to);
            Jdbc.setInstant(ps, 5, from);
            same = reviews(ps);
        }
        for (int k = 0; k < same.size(); k++) {
            Review r = same.get(k);
            if (r.decision() != decision) {
                continue;
            }
            // The part of the new range where r is still in effect: r ∩ new, minus later opposite decisions.
            List<Instant[]> left = new ArrayList<>();
            left.add(new Instant[] {max(r.from(), from), min(r.to(), to)});
            for (int j = k + 1; j < same.size(); j++) {
                Review later = same.get(j);
                if (later.decision() != decision) {
                    left = subtract(left, later.from(), later.to());
                }
            }
            if (!left.isEmpty()) {
                Instant[] part = left.get(0);
                throw new ReviewRejectedException(Reason.CONFLICT, "overlaps review #" + r.id() + " ("
                        + r.decision() + " [" + beijing(r.from()) + ", " + beijing(r.to()) + ") by " + r.operator()
                        + "), still in effect for [" + beijing(part[0]) + ", " + beijing(part[1])
                        + "); record the opposite decision"
                        + " first to reverse it");
            }
        }
    }

    private static List<Instant[]> subtract(List<Instant[]> ranges, Instant from, Instant to) {
        List<Instant[]> out = new ArrayList<>();
        for (Instant[] r : ranges) {
            if (!from.isBefore(r[1]) || !to.isAfter(r[0])) {
                out.add(r);
                continue;
            }
            if (r[0].isBefore(from)) {
                out.add(new Instant[] {r[0], from});
            }
            if (to.isBefore(r[1])) {
                out.add(new Instant[] {to, r[1]});
            }
        }
        return out;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static void insert(Connection c, Review r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO reviews (id, site_code, parameter, \"interval\","
                + " from_time, to_time, decision, reason, operator, principal, decided_at) VALUES ("
                + Jdbc.placeholders(11) + ")")) {
            ps.setLong(1, r.id());
            ps.setString(2, r.siteCode());
            ps.setString(3, r.parameter());
            ps.setString(4, r.interval() == null ? null : r.interval().code());
            Jdbc.setInstant(ps, 5, r.from());
            Jdbc.setInstant(ps, 6, r.to());
            ps.setString(7, r.decision().name());
            ps.setString(8, r.reason());
            ps.setString(9, r.operator());
            ps.setString(10, r.principal());
            Jdbc.setInstant(ps, 11, r.decidedAt());
            ps.executeUpdate();
        }
    }

    @Override
    public List<Review> reviews(String siteCode, Instant from, Instant to) {
        Objects.requireNonNull(siteCode, "siteCode");
        return Jdbc.read(db, "review history", c -> {
            StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + FROM + " WHERE r.site_code = ?");
            if (to != null) {
                sql.append(" AND r.from_time < ?");
            }
            if (from != null) {
                sql.append(" AND r.to_time > ?");
            }
            try (PreparedStatement ps = c.prepareStatement(sql.append(" ORDER BY r.id").toString())) {
                int k = 1;
                ps.setString(k++, siteCode);
                if (to != null) {
                    Jdbc.setInstant(ps, k++, to);
                }
                if (from != null) {
                    Jdbc.setInstant(ps, k, from);
                }
                return reviews(ps);
            }
        });
    }

    @Override
    public List<Review> all() {
        return Jdbc.read(db, "review history", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM + " ORDER BY r.id")) {
                return reviews(ps);
            }
        });
    }

    /**
     * Reviews of a site that may cover values of {@code parameter}/{@code interval} (null = any) with times in
     * [{@code first}, {@code last}] (null = unbounded), oldest first.
     */
    static List<Review> covering(Connection c, String site, String parameter, Interval interval, Instant first,
            Instant last) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + FROM + " WHERE r.site_code = ?");
        if (parameter != null) {
            sql.append(" AND (r.parameter IS NULL OR r.parameter = ?)");
        }
        if (interval != null) {
            sql.append(" AND (r.\"interval\" IS NULL OR r.\"interval\" = ?)");
        }
        if (last != null) {
            sql.append(" AND r.from_time <= ?");
        }
        if (first != null) {
            sql.append(" AND r.to_time > ?");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.append(" ORDER BY r.id").toString())) {
            int k = 1;
            ps.setString(k++, site);
            if (parameter != null) {
                ps.setString(k++, parameter);
            }
            if (interval != null) {
                ps.setString(k++, interval.code());
            }
            if (last != null) {
                Jdbc.setInstant(ps, k++, last);
            }
            if (first != null) {
                Jdbc.setInstant(ps, k, first);
            }
            return reviews(ps);
        }
    }

    /** Sets {@link Observation#reviewedValid()} from the latest covering review (reviews oldest first). */
    static List<Observation> applyReviews(List<Observation> values, List<Review> reviews) {
        if (reviews.isEmpty()) {
            return values;
        }
        List<Observation> out = new ArrayList<>(values.size());
        for (Observation o : values) {
            Boolean decided = decision(reviews, o.siteCode(), o.parameter(), o.interval(), o.time());
            out.add(decided == null ? o : o.withReviewedValid(decided));
        }
        return out;
    }

    /** The decision of the latest review (reviews oldest first) covering a value, or null. */
    static Boolean decision(List<Review> reviews, String site, String parameter, Interval interval, Instant time) {
        for (int k = reviews.size() - 1; k >= 0; k--) {
            Review r = reviews.get(k);
            if (r.covers(site, parameter, interval, time)) {
                return r.decision().valid();
            }
        }
        return null;
    }

    static List<Review> reviews(PreparedStatement ps) throws SQLException {
        List<Review> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(review(rs));
            }
        }
        return out;
    }

    static Review review(ResultSet rs) throws SQLException {
        String interval = rs.getString(4);
        long seq = rs.getLong(12);
        if (rs.wasNull()) {
            seq = -1;
        }
        try {
            return new Review(rs.getLong(1), rs.getString(2), rs.getString(3),
                    interval == null ? null : Interval.fromCode(interval), Jdbc.getInstant(rs, 5),
                    Jdbc.getInstant(rs, 6), ReviewDecision.valueOf(rs.getString(7)), rs.getString(8),
                    rs.getString(9), rs.getString(10), Jdbc.getInstant(rs, 11), seq);
        } catch (IllegalArgumentException e) {
            throw new StoreException("review " + rs.getLong(1) + " has an unreadable column: " + e.getMessage(), e);
        }
    }

    /** Times in messages as the API shows them: Beijing time (+08:00), the time of Chinese monitoring data. */
    static String beijing(Instant t) {
        return t.atOffset(org.envmon.model.BeijingTime.OFFSET).toString();
    }
}
