package org.envmon.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.envmon.model.StoreException;

/** Small JDBC helpers shared by the engines. Everything here is portable between DuckDB and PostgreSQL. */
public final class Jdbc {
    private Jdbc() {
    }

    @FunctionalInterface
    public interface SqlFunction<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** Reads one row into a value. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Binds the values of some rows to a statement of as many rows. */
    @FunctionalInterface
    public interface RowsBinder<T> {
        void bind(PreparedStatement ps, List<T> rows) throws SQLException;
    }

    /** Every row of the statement's result, in order. */
    public static <T> List<T> list(PreparedStatement ps, RowReader<T> row) throws SQLException {
        List<T> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(row.read(rs));
            }
        }
        return out;
    }

    /** Every row of {@code sql}, which has no parameters, in order. */
    public static <T> List<T> all(ConnectionSource source, String what, String sql, RowReader<T> row) {
        return read(source, what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                return list(ps, row);
            }
        });
    }

    /** The first row of {@code sql}, whose one parameter is {@code key}, if there is one. */
    public static <T> Optional<T> first(ConnectionSource source, String what, String sql, Object key,
                                        RowReader<T> row) {
        return read(source, what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row.read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Runs {@code work} on a connection in auto-commit mode; SQL failures become {@link StoreException}. */
    public static <T> T read(ConnectionSource source, String what, SqlFunction<T> work) {
        try (Connection c = source.connect()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new StoreException(what + " failed: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public static <T> T inTransaction(ConnectionSource source, String what, SqlFunction<T> work) {
        try (Connection c = source.connect()) {
            return transaction(c, work);
        } catch (SQLException e) {
            throw new StoreException(what + " failed, nothing changed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} as one transaction on {@code c}: committed when it returns, rolled back when it throws; the
     * connection's auto-commit mode is restored afterwards.
     */
    public static <T> T transaction(Connection c, SqlFunction<T> work) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T result = work.apply(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c, e);
            throw e;
        } finally {
            try {
                c.setAutoCommit(auto);
            } catch (SQLException ignored) {
                // closed or returned to the pool next, which resets or evicts it
            }
        }
    }

    public static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException | RuntimeException suppressed) {
            cause.addSuppressed(suppressed);
        }
    }

    public static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        setNullable(ps, index, instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC),
                Types.TIMESTAMP_WITH_TIMEZONE);
    }

    public static Instant getInstant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
        setNullable(ps, index, value, Types.DOUBLE);
    }

    public static Double getDouble(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    public static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        setNullable(ps, index, value, Types.INTEGER);
    }

    /** A null as a typed SQL NULL (drivers cannot infer the type of an untyped null), any other value as itself. */
    private static void setNullable(PreparedStatement ps, int index, Object value, int sqlType) throws SQLException {
        if (value == null) {
            ps.setNull(index, sqlType);
        } else {
            ps.setObject(index, value);
        }
    }

    public static Integer getInteger(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    public static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Microseconds since the epoch, the precision both engines keep. */
    public static long epochMicros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    /** SQLSTATE 23505 anywhere in the chain: a unique constraint was violated. */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** "?,?,?" for a VALUES row or IN list. */
    public static String placeholders(int n) {
        StringBuilder sb = new StringBuilder(n * 2);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('?');
        }
        return sb.toString();
    }

    /**
     * One row per key, the last one given winning, in the order the keys first appear: one statement may not touch
     * the same row twice.
     */
    public static <T> List<T> lastPerKey(Collection<T> rows, Function<T, ?> key) {
        Map<Object, T> byKey = new LinkedHashMap<>();
        for (T row : rows) {
            byKey.put(key.apply(row), row);
        }
        return new ArrayList<>(byKey.values());
    }

    /**
     * Upserts {@code items} in one transaction: one row per key (see {@link #lastPerKey}), {@code perStatement} rows
     * per multi-row statement {@code sql.apply(rows)}; the statement of a full chunk is prepared once.
     *
     * @param what the plural of an item, for the messages
     */
    public static <T> void upsertInChunks(ConnectionSource db, String what, Collection<T> items, Function<T, ?> key,
                                          int perStatement, IntFunction<String> sql, RowsBinder<T> binder) {
        List<T> rows = lastPerKey(Objects.requireNonNull(items, what), key);
        if (rows.isEmpty()) {
            return;
        }
        inTransaction(db, "upsert of " + rows.size() + " " + what, c -> {
            PreparedStatement full = null;
            try {
                for (int from = 0; from < rows.size(); from += perStatement) {
                    List<T> chunk = rows.subList(from, Math.min(rows.size(), from + perStatement));
                    PreparedStatement ps;
                    if (chunk.size() == perStatement) {
                        if (full == null) {
                            full = c.prepareStatement(sql.apply(perStatement));
                        }
                        ps = full;
                    } else {
                        ps = c.prepareStatement(sql.apply(chunk.size()));
                    }
                    try {
                        binder.bind(ps, chunk);
                        ps.executeUpdate();
                    } finally {
                        if (ps != full) {
                            ps.close();
                        }
                    }
                }
            } finally {
                if (full != null) {
                    full.close();
                }
            }
            return null;
        });
    }

    /** {@code INSERT INTO table (columns) VALUES (?, …), … tail} for {@code rows} rows of {@code width} values. */
    public static String multiRowInsert(String tableAndColumns, int width, int rows, String tail) {
        String row = "(" + placeholders(width) + ")";
        StringBuilder sb = new StringBuilder("INSERT INTO ").append(tableAndColumns).append(" VALUES ");
        for (int i = 0; i < rows; i++) {
            sb.append(i == 0 ? "" : ",").append(row);
        }
        return sb.append(tail).toString();
    }
}
