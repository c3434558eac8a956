package org.envmon.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.envmon.model.Interval;
import org.envmon.model.ReviewDecision;
import org.envmon.model.ReviewProposal;
import org.envmon.model.ReviewProposalStore;
import org.envmon.model.StoreException;

/**
 * Review proposals over portable SQL (table {@code review_proposals}, migration V15). A proposal is not evidence:
 * the review an operator records when accepting it is, and that review is chained.
 */
public final class JdbcReviewProposalStore implements ReviewProposalStore {
    private static final String COLUMNS = "id, site_code, parameter, \"interval\", from_time, to_time, decision,"
            + " reason, proposed_by, proposed_at, state, decided_by, decided_at, note, review_id";

    private final ConnectionSource db;

    public JdbcReviewProposalStore(ConnectionSource db) {
        this.db = db;
    }

    @Override
    public ReviewProposal propose(ReviewProposal p) {
        Objects.requireNonNull(p, "proposal");
        Instant at = p.proposedAt().truncatedTo(ChronoUnit.MICROS);
        return Jdbc.inTransaction(db, "storing a review proposal for " + p.siteCode(), c -> {
            long id = Jdbc.count(c, "SELECT nextval('review_proposals_id_seq')");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO review_proposals (" + COLUMNS
                    + ") VALUES (" + Jdbc.placeholders(15) + ")")) {
                ps.setLong(1, id);
                ps.setString(2, p.siteCode());
                ps.setString(3, p.parameter());
                ps.setString(4, p.interval() == null ? null : p.interval().code());
                Jdbc.setInstant(ps, 5, p.from());
                Jdbc.setInstant(ps, 6, p.to());
                ps.setString(7, p.decision().name());
                ps.setString(8, p.reason());
                ps.setString(9, p.proposedBy());
                Jdbc.setInstant(ps, 10, at);
                ps.setString(11, ReviewProposal.PENDING);
                ps.setString(12, null);
                Jdbc.setInstant(ps, 13, null);
                ps.setString(14, null);
                ps.setNull(15, Types.BIGINT);
                ps.executeUpdate();
            }
            return new ReviewProposal(id, p.siteCode(), p.parameter(), p.interval(), p.from(), p.to(), p.decision(),
                    p.reason(), p.proposedBy(), at, ReviewProposal.PENDING, null, null, null, null);
        });
    }

    @Override
    public Optional<ReviewProposal> find(long id) {
        return Jdbc.first(db, "reading review proposal " + id, "SELECT " + COLUMNS + " FROM review_proposals"
                + " WHERE id = ?", id, JdbcReviewProposalStore::proposal);
    }

    @Override
    public List<ReviewProposal> list(String siteCode, String state, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM review_proposals WHERE 1 = 1");
        if (siteCode != null) {
            sql.append(" AND site_code = ?");
        }
        if (state != null) {
            sql.append(" AND state = ?");
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        return Jdbc.read(db, "listing review proposals", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int k = 1;
                if (siteCode != null) {
                    ps.setString(k++, siteCode);
                }
                if (state != null) {
                    ps.setString(k++, state);
                }
                ps.setInt(k, limit);
                return Jdbc.list(ps, JdbcReviewProposalStore::proposal);
            }
        });
    }

    @Override
    public boolean decide(long id, String state, String decidedBy, Instant decidedAt, String note, Long reviewId) {
        if (!ReviewProposal.ACCEPTED.equals(state) && !ReviewProposal.REJECTED.equals(state)) {
            throw new IllegalArgumentException("a decision accepts or rejects: " + state);
        }
        return Jdbc.inTransaction(db, "deciding review proposal " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE review_proposals SET state = ?, decided_by = ?,"
                    + " decided_at = ?, note = ?, review_id = ? WHERE id = ? AND state = 'pending'")) {
                ps.setString(1, state);
                ps.setString(2, decidedBy);
                Jdbc.setInstant(ps, 3, decidedAt.truncatedTo(ChronoUnit.MICROS));
                ps.setString(4, note);
                if (reviewId == null) {
                    ps.setNull(5, Types.BIGINT);
                } else {
                    ps.setLong(5, reviewId);
                }
                ps.setLong(6, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static ReviewProposal proposal(ResultSet rs) throws SQLException {
        try {
            String interval = rs.getString(4);
            long reviewId = rs.getLong(15);
            Long review = rs.wasNull() ? null : reviewId;
            return new ReviewProposal(rs.getLong(1), rs.getString(2), rs.getString(3),
                    interval == null ? null : Interval.fromCode(interval), Jdbc.getInstant(rs, 5),
                    Jdbc.getInstant(rs, 6), ReviewDecision.valueOf(rs.getString(7)), rs.getString(8),
                    rs.getString(9), Jdbc.getInstant(rs, 10), rs.getString(11), rs.getString(12),
                    Jdbc.getInstant(rs, 13), rs.getString(14), review);
        } catch (IllegalArgumentException e) {
            throw new StoreException("review proposal " + rs.getLong(1) + " has an unreadable column: "
                    + e.getMessage(), e);
        }
    }
}
