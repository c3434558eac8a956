package org.envmon.store.jdbc;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.envmon.model.AuditRecord;
import org.envmon.model.AuditStore;

/**
 * The audit trail over portable SQL (table {@code audit_log}, migration V10); ids from {@code audit_log_id_seq}.
 * Each record is inserted and chained (kind {@code audit}) in one transaction under the store's write lock, so a
 * changed or deleted record is found by {@link ChainVerifier} like a changed review.
 */
public final class JdbcAuditStore implements AuditStore {
    private final ConnectionSource db;
    private final ChainWrites chain;

    public JdbcAuditStore(ChainWrites chain) {
        this.db = chain.db();
        this.chain = chain;
    }

    @Override
    public AuditRecord append(AuditRecord r) {
        Objects.requireNonNull(r, "record");
        // the chain encodes microseconds: keep exactly what is hashed
        AuditRecord rec = new AuditRecord(0, r.at().truncatedTo(ChronoUnit.MICROS), r.actor(), r.action(),
                r.target(), r.origin(), r.outcome());
        return chain.write("appending an audit record", (c, head) -> {
            long id = Jdbc.count(c, "SELECT nextval('audit_log_id_seq')");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (id, recorded_at, actor,"
                    + " action, target, origin, outcome) VALUES (" + Jdbc.placeholders(7) + ")")) {
                ps.setLong(1, id);
                Jdbc.setInstant(ps, 2, rec.at());
                ps.setString(3, rec.actor());
                ps.setString(4, rec.action());
                ps.setString(5, rec.target());
                ps.setString(6, rec.origin());
                ps.setString(7, rec.outcome());
                ps.executeUpdate();
            }
            ChainWrites.appendOne(c, head, ChainEntry.AUDIT, id, codec -> codec.auditFields(id,
                    Jdbc.epochMicros(rec.at()), rec.actor(), rec.action(), rec.target(), rec.origin(),
                    rec.outcome()));
            return new AuditRecord(id, rec.at(), rec.actor(), rec.action(), rec.target(), rec.origin(),
                    rec.outcome());
        });
    }

    @Override
    public List<AuditRecord> list(Instant from, Instant to, String actor, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        Where where = new Where().and("recorded_at >= ?", from).and("recorded_at < ?", to).and("actor = ?", actor);
        return Jdbc.read(db, "listing audit records", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, recorded_at, actor, action, target, origin,"
                    + " outcome FROM audit_log" + where + " ORDER BY id LIMIT ?")) {
                ps.setInt(where.bind(ps), limit);
                return Jdbc.list(ps, rs -> new AuditRecord(rs.getLong(1), Jdbc.getInstant(rs, 2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
            }
        });
    }
}
