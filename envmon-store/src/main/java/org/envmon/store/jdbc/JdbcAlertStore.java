package org.envmon.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.envmon.model.AlertStore;
import org.envmon.model.StoreException;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.AlertState;
import org.envmon.model.alert.Severity;
import org.envmon.model.alert.SubjectType;
import org.envmon.model.alert.Transition;

/**
 * Alerts over portable SQL (tables {@code alerts} and {@code alert_transitions}, migration V4). Ids come from the
 * sequence {@code alerts_id_seq}. A save is one transaction: the alert row is upserted and its history rows are
 * replaced. The derived column {@code active_key} (the key while active, NULL once closed) carries the UNIQUE
 * constraint "one active alert per key" and serves {@link #findActive}. Reads are single statements (one snapshot):
 * the alert rows joined with their history.
 */
public final class JdbcAlertStore implements AlertStore {
    private static final String COLUMNS = "a.id, a.rule_id, a.subject_type, a.subject, a.parameter, a.severity,"
            + " a.state, a.opened_at, a.updated_at, a.closed_at, a.data_time, a.value, a.last_value, a.peak_value,"
            + " a.threshold, a.message, a.ack_note, a.ack_operator, a.closed_by,"
            + " t.seq, t.from_state, t.to_state, t.changed_at, t.operator, t.note";
    private static final String FROM = " FROM alerts a LEFT JOIN alert_transitions t ON t.alert_id = a.id";
    private static final String ORDER = " ORDER BY a.id DESC, t.seq";
    private static final String UPSERT = "INSERT INTO alerts (id, rule_id, subject_type, subject, parameter, severity,"
            + " state, active_key, opened_at, updated_at, closed_at, data_time, value, last_value, peak_value,"
            + " threshold, message, ack_note, ack_operator, closed_by) VALUES (" + Jdbc.placeholders(20) + ")"
            + " ON CONFLICT (id) DO UPDATE SET rule_id = excluded.rule_id, subject_type = excluded.subject_type,"
            + " subject = excluded.subject, parameter = excluded.parameter, severity = excluded.severity,"
            + " state = excluded.state, active_key = excluded.active_key, opened_at = excluded.opened_at,"
            + " updated_at = excluded.updated_at, closed_at = excluded.closed_at, data_time = excluded.data_time,"
            + " value = excluded.value, last_value = excluded.last_value, peak_value = excluded.peak_value,"
            + " threshold = excluded.threshold, message = excluded.message, ack_note = excluded.ack_note,"
            + " ack_operator = excluded.ack_operator, closed_by = excluded.closed_by";

    private final ConnectionSource db;

    public JdbcAlertStore(ConnectionSource db) {
        this.db = db;
    }

    /**
     * The text form of a key in {@code active_key}: each part but the last prefixed with its length, so that
     * different keys never give the same text whatever characters they contain.
     */
    static String activeKey(String ruleId, String subject, String parameter) {
        return ruleId.length() + ":" + ruleId + subject.length() + ":" + subject + parameter;
    }

    @Override
    public long nextId() {
        return Jdbc.read(db, "next alert id", c -> Jdbc.count(c, "SELECT nextval('alerts_id_seq')"));
    }

    @Override
    public void save(Alert alert) {
        Objects.requireNonNull(alert, "alert");
        requireStorableText(alert);
        Jdbc.inTransaction(db, "saving alert " + alert.id(), c -> {
            String key = activeKey(alert.ruleId(), alert.subject(), alert.parameter());
            if (alert.active()) {
                // Checked here too so that both engines report the same message (the UNIQUE constraint is the guard).
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM alerts WHERE active_key = ?"
                        + " AND id <> ?")) {
                    ps.setString(1, key);
                    ps.setLong(2, alert.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            throw new StoreException("alert " + alert.id() + " cannot be active: alert "
                                    + rs.getLong(1) + " is already active for rule " + alert.ruleId() + ", subject "
                                    + alert.subject() + (alert.parameter().isEmpty() ? ""
                                    : ", parameter " + alert.parameter()));
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                int k = 1;
                ps.setLong(k++, alert.id());
                ps.setString(k++, alert.ruleId());
                ps.setString(k++, alert.subjectType().code());
                ps.setString(k++, alert.subject());
                ps.setString(k++, alert.parameter());
                ps.setString(k++, alert.severity().code());
                ps.setString(k++, alert.state().code());
                ps.setString(k++, alert.active() ? key : null);
                Jdbc.setInstant(ps, k++, alert.openedAt());
                Jdbc.setInstant(ps, k++, alert.updatedAt());
                Jdbc.setInstant(ps, k++, alert.closedAt());
                Jdbc.setInstant(ps, k++, alert.dataTime());
                ps.setDouble(k++, alert.value());
                ps.setDouble(k++, alert.lastValue());
                ps.setDouble(k++, alert.peakValue());
                Jdbc.setDouble(ps, k++, alert.threshold());
                ps.setString(k++, alert.message());
                ps.setString(k++, alert.ackNote());
                ps.setString(k++, alert.ackOperator());
                ps.setString(k, alert.closedBy());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM alert_transitions WHERE alert_id = ?")) {
                ps.setLong(1, alert.id());
                ps.executeUpdate();
            }
            if (!alert.history().isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_transitions (alert_id, seq,"
                        + " from_state, to_state, changed_at, operator, note) VALUES (" + Jdbc.placeholders(7) + ")")) {
                    int seq = 0;
                    for (Transition t : alert.history()) {
                        ps.setLong(1, alert.id());
                        ps.setInt(2, seq++);
                        ps.setString(3, t.from() == null ? null : t.from().code());
                        ps.setString(4, t.to().code());
                        Jdbc.setInstant(ps, 5, t.at());
                        ps.setString(6, t.operator());
                        ps.setString(7, t.note());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            return null;
        });
    }

    /** PostgreSQL cannot store U+0000 in text: refused on both engines, before the database. */
    private static void requireStorableText(Alert a) {
        requireText(a.ruleId(), "ruleId");
        requireText(a.subject(), "subject");
        requireText(a.parameter(), "parameter");
        requireText(a.message(), "message");
        requireText(a.ackNote(), "ackNote");
        requireText(a.ackOperator(), "ackOperator");
        requireText(a.closedBy(), "closedBy");
        for (Transition t : a.history()) {
            requireText(t.operator(), "operator");
            requireText(t.note(), "note");
        }
    }

    private static void requireText(String s, String name) {
        if (s != null && s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(name + " must not contain U+0000");
        }
    }

    @Override
    public Optional<Alert> find(long id) {
        return Jdbc.read(db, "reading alert " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM + " WHERE a.id = ?" + ORDER)) {
                ps.setLong(1, id);
                return alerts(ps).stream().findFirst();
            }
        });
    }

    @Override
    public Optional<Alert> findActive(String ruleId, String subject, String parameter) {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(subject, "subject");
        String key = activeKey(ruleId, subject, parameter == null ? "" : parameter);
        return Jdbc.read(db, "reading the active alert of rule " + ruleId + ", subject " + subject, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM + " WHERE a.active_key = ?"
                    + ORDER)) {
                ps.setString(1, key);
                return alerts(ps).stream().findFirst();
            }
        });
    }

    @Override
    public List<Alert> list(AlertState state, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        if (limit == 0) {
            return List.of();
        }
        return Jdbc.read(db, "listing alerts", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM + " WHERE a.id IN (SELECT id"
                    + " FROM alerts" + (state == null ? "" : " WHERE state = ?") + " ORDER BY id DESC LIMIT ?)"
                    + ORDER)) {
                int k = 1;
                if (state != null) {
                    ps.setString(k++, state.code());
                }
                ps.setInt(k, limit);
                return alerts(ps);
            }
        });
    }

    @Override
    public long transitionCount() {
        return Jdbc.read(db, "counting alert transitions", c -> Jdbc.count(c,
                "SELECT count(*) FROM alert_transitions"));
    }

    /** Alerts from rows ordered by alert and then history step (one row per step, or one with null steps). */
    private static List<Alert> alerts(PreparedStatement ps) throws SQLException {
        List<Alert> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            boolean more = rs.next();
            while (more) {
                // The alert columns repeat on every row of one alert: read them from its first row.
                long id = rs.getLong(1);
                String ruleId = rs.getString(2);
                String subjectType = rs.getString(3);
                String subject = rs.getString(4);
                String parameter = rs.getString(5);
                String severity = rs.getString(6);
                String state = rs.getString(7);
                Instant openedAt = Jdbc.getInstant(rs, 8);
                Instant updatedAt = Jdbc.getInstant(rs, 9);
                Instant closedAt = Jdbc.getInstant(rs, 10);
                Instant dataTime = Jdbc.getInstant(rs, 11);
                double value = rs.getDouble(12);
                double lastValue = rs.getDouble(13);
                double peakValue = rs.getDouble(14);
                Double threshold = Jdbc.getDouble(rs, 15);
                String message = rs.getString(16);
                String ackNote = rs.getString(17);
                String ackOperator = rs.getString(18);
                String closedBy = rs.getString(19);
                List<Transition> history = new ArrayList<>();
                try {
                    do {
                        rs.getInt(20);
                        if (!rs.wasNull()) {
                            String from = rs.getString(21);
                            history.add(new Transition(from == null ? null : AlertState.fromCode(from),
                                    AlertState.fromCode(rs.getString(22)), Jdbc.getInstant(rs, 23), rs.getString(24),
                                    rs.getString(25)));
                        }
                        more = rs.next();
                    } while (more && rs.getLong(1) == id);
                    out.add(new Alert(id, ruleId, SubjectType.fromCode(subjectType), subject, parameter,
                            Severity.fromCode(severity), AlertState.fromCode(state), openedAt, updatedAt, closedAt,
                            dataTime, value, lastValue, peakValue, threshold, message, ackNote, ackOperator, closedBy,
                            history));
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw new StoreException("alert " + id + " cannot be read: a column holds " + e.getMessage(), e);
                }
            }
        }
        return out;
    }
}
