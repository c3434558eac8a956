package org.envmon.store.jdbc;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.envmon.model.AuditRecord;
import org.envmon.model.AuditStore;

/** The audit trail over portable SQL (table {@code audit_log}, migration V10); ids from {@code audit_log_id_seq}. */
public final class JdbcAuditStore implements AuditStore {
    private final ConnectionSource db;

    public JdbcAuditStore(ConnectionSource db) {
        this.db = db;
    }

    @Override
    public AuditRecord append(AuditRecord r) {
        Objects.requireNonNull(r, "record");
        return Jdbc.inTransaction(db, "appending an audit record", c -> {
            long id = Jdbc.count(c, "SELECT nextval('audit_log_id_seq')");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (id, recorded_at, actor, action,"
                    + " target,"
                    + " origin, outcome) VALUES (" + Jdbc.placeholders(7) + ")")) {
                ps.setLong(1, id);
                Jdbc.setInstant(ps, 2, r.at());
                ps.setString(3, r.actor());
                ps.setString(4, r.action());
                ps.setString(5, r.target());
                ps.setString(6, r.origin());
                ps.setString(7, r.outcome());
                ps.executeUpdate();
            }
            return new AuditRecord(id, r.at(), r.actor(), r.action(), r.target(), r.origin(), r.outcome());
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
