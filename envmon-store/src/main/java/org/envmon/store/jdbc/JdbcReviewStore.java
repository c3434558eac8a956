package org.envmon.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.envmon.model.Interval;
import org.envmon.model.Review;
import org.envmon.model.ReviewDecision;
import org.envmon.model.ReviewRequest;
import org.envmon.model.ReviewRules;
import org.envmon.model.ReviewStore;
import org.envmon.model.StoreException;

/**
 * Reviews over portable SQL. A review is checked ({@link ReviewRules}: this class only answers the rules' questions),
 * inserted and chained in one transaction under the store's write lock (the chain has one head).
 */
public final class JdbcReviewStore implements ReviewStore {
    static final String COLUMNS = "r.id, r.site_code, r.parameter, r.\"interval\", r.from_time, r.to_time, r.decision,"
            + " r.reason, r.operator, r.principal, r.decided_at, c.seq";
    private static final String FROM = " FROM reviews r LEFT JOIN chain c ON c.kind = 'review' AND c.ref_id = r.id";

    private final ConnectionSource db;
    private final ChainWrites chain;

    public JdbcReviewStore(ChainWrites chain) {
        this.db = chain.db();
        this.chain = chain;
    }

    @Override
    public Review record(ReviewRequest request) {
        ReviewRequest r = ReviewRules.checked(request, Instant.now());
        return chain.write("review of " + r.siteCode(), (c, head) -> {
            ReviewRules.requireSite(r.siteCode(), siteExists(c, r.siteCode()));
            ReviewRules.requireValues(r, anyValue(c, r));
            ReviewRules.requireNoDuplicate(r, sameScopeOverlapping(c, r));
            long id = Jdbc.count(c, "SELECT coalesce(max(id), 0) + 1 FROM reviews");
            Review review = new Review(id, r.siteCode(), r.parameter(), r.interval(), r.from(), r.to(),
                    r.decision(), r.reason(), r.operator(), r.principal(), r.decidedAt(), head.seq() + 1);
            insert(c, review);
            ChainWrites.appendOne(c, head, ChainEntry.REVIEW, id, codec -> fields(codec, review));
            JdbcObservationStore.beforeCommit();
            return review;
        });
    }

    static byte[] fields(ChainCodec codec, Review r) {
        return codec.reviewFields(r.id(), r.siteCode(), r.parameter(), r.interval() == null ? null
                : r.interval().code(), Jdbc.epochMicros(r.from()), Jdbc.epochMicros(r.to()), r.decision().name(),
                r.reason(), r.operator(), r.principal(), Jdbc.epochMicros(r.decidedAt()));
    }

    private static boolean siteExists(Connection c, String site) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM sites WHERE code = ?")) {
            ps.setString(1, site);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /** Whether the request's scope holds any value in its range. */
    private static boolean anyValue(Connection c, ReviewRequest r) throws SQLException {
        Where where = new Where().and("site_code = ?", r.siteCode()).and("parameter = ?", r.parameter())
                .and("\"interval\" = ?", r.interval() == null ? null : r.interval().code())
                .and("\"time\" >= ?", r.from()).and("\"time\" < ?", r.to());
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM observations" + where + " LIMIT 1")) {
            where.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The reviews of exactly the request's scope whose range overlaps it, oldest first. */
    private static List<Review> sameScopeOverlapping(Connection c, ReviewRequest r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM + " WHERE r.site_code = ?"
                + " AND r.parameter IS NOT DISTINCT FROM ? AND r.\"interval\" IS NOT DISTINCT FROM ?"
                + " AND r.from_time < ? AND r.to_time > ? ORDER BY r.id")) {
            ps.setString(1, r.siteCode());
            ps.setString(2, r.parameter());
            ps.setString(3, r.interval() == null ? null : r.interval().code());
            Jdbc.setInstant(ps, 4, r.to());
            Jdbc.setInstant(ps, 5, r.from());
            return reviews(ps);
        }
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
        Where where = new Where().and("r.site_code = ?", siteCode).and("r.from_time < ?", to)
                .and("r.to_time > ?", from);
        return Jdbc.read(db, "review history", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM + where + " ORDER BY r.id")) {
                where.bind(ps);
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
        Where where = new Where().and("r.site_code = ?", site)
                .and("(r.parameter IS NULL OR r.parameter = ?)", parameter)
                .and("(r.\"interval\" IS NULL OR r.\"interval\" = ?)", interval == null ? null : interval.code())
                .and("r.from_time <= ?", last).and("r.to_time > ?", first);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM + where + " ORDER BY r.id")) {
            where.bind(ps);
            return reviews(ps);
        }
    }

    static List<Review> reviews(PreparedStatement ps) throws SQLException {
        return Jdbc.list(ps, JdbcReviewStore::review);
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
}
