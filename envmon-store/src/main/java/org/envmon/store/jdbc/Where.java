package org.envmon.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A WHERE clause of optional filters: each condition (with one placeholder) is added only when its value is given,
 * and the values are bound in the order they were added.
 */
final class Where {
    private final StringBuilder sql = new StringBuilder(" WHERE TRUE");
    private final List<Object> values = new ArrayList<>();

    /** Adds {@code AND condition} bound to {@code value}; nothing when {@code value} is null (no filter). */
    Where and(String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            values.add(value);
        }
        return this;
    }

    /** The clause, starting with a space. */
    @Override
    public String toString() {
        return sql.toString();
    }

    /** Binds the values from the first placeholder on; returns the index of the next placeholder. */
    int bind(PreparedStatement ps) throws SQLException {
        int k = 1;
        for (Object v : values) {
            if (v instanceof Instant t) {
                Jdbc.setInstant(ps, k++, t);
            } else {
                ps.setObject(k++, v);
            }
        }
        return k;
    }
}
