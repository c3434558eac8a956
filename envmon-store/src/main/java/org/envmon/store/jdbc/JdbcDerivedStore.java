package org.envmon.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.envmon.model.DerivedStore;

/**
 * {@link DerivedStore} over portable SQL; the bulk insert of a replacement's rows is the engine's (DuckDB appender,
 * PostgreSQL COPY). Replacements are serialised (one writer, like the observation store), reads run concurrently.
 */
public abstract class JdbcDerivedStore implements DerivedStore {
    /** Codes per {@code IN (...)} list of a read. */
    private static final int CODES_PER_READ = 500;
    private static final int LATE_ROWS_PER_STATEMENT = 300;
    protected static final String HOUR_COLUMNS = "scope, code, day, aqi, primary_mask, stations, so2, no2, pm10, pm25,"
            + " co, o3, o3_8h";
    protected static final String DAY_COLUMNS = "scope, code, day, aqi, primary_mask, stations, so2, no2, pm10, pm25, co,"
            + " o3_8h_max, o3_1h_max, so2_hours, no2_hours, pm10_hours, pm25_hours, co_hours, o3_hours, o3_windows";

    protected final ConnectionSource db;
    /** Serialises writers: a replace waits for a bulk rebuild (which may span many calls) to finish. */
    private final java.util.concurrent.Semaphore bulkLock = new java.util.concurrent.Semaphore(1);

    protected JdbcDerivedStore(ConnectionSource db) {
        this.db = db;
    }

    /** Inserts the rows (the ranges were deleted just before, in the same transaction). */
    protected abstract void insert(Connection c, List<HourDay> hours, List<Day> days) throws SQLException;

    /**
     * One station's or city's hours of one Beijing day as 24 slots (slot i = the hour starting at i:00): the row
     * layout of {@code air_hourly}. Empty slots: aqi and values −1, mask and stations 0.
     */
    protected static final class HourDay {
        public final Scope scope;
        public final String code;
        public final LocalDate day;
        public final short[] aqi = new short[24];
        public final short[] mask = new short[24];
        public final short[] stations = new short[24];
        /** [value index][slot], {@link DerivedStore#HOUR_VALUES} rows. */
        public final int[][] values = new int[HOUR_VALUES][24];

        HourDay(Scope scope, String code, LocalDate day) {
            this.scope = scope;
            this.code = code;
            this.day = day;
            java.util.Arrays.fill(aqi, (short) -1);
            for (int[] v : values) {
                java.util.Arrays.fill(v, -1);
            }
        }

        void put(int slot, Hour h) {
            aqi[slot] = (short) Math.max(-1, h.aqi());
            mask[slot] = (short) h.primaryMask();
            stations[slot] = (short) h.stations();
            for (int k = 0; k < HOUR_VALUES; k++) {
                Integer v = column(h.values()[k]);
                values[k][slot] = v == null ? -1 : v;
            }
        }

        /** The hour of a slot, or null when the slot is empty. */
        Hour hour(int slot) {
            long[] v = new long[HOUR_VALUES];
            boolean any = aqi[slot] >= 0 || stations[slot] > 0;
            for (int k = 0; k < HOUR_VALUES; k++) {
                v[k] = values[k][slot];
                any |= v[k] >= 0;
            }
            if (!any) {
                return null;
            }
            Instant start = day.atStartOfDay().toInstant(DAY_ZONE).plusSeconds(3600L * slot);
            return new Hour(scope, code, start, aqi[slot], mask[slot], stations[slot], v);
        }
    }

    /** Hours grouped into day rows (hours of one code in time order, as replacements hold them, group in one pass). */
    static List<HourDay> byDay(List<Hour> hours) {
        List<HourDay> out = new ArrayList<>();
        java.util.Map<String, HourDay> unordered = null;
        HourDay current = null;
        long currentDay = Long.MIN_VALUE;
        for (Hour h : hours) {
            long local = h.start().getEpochSecond() + DAY_ZONE.getTotalSeconds();
            long day = Math.floorDiv(local, 86_400L);
            int slot = (int) (Math.floorMod(local, 86_400L) / 3600);
            if (current == null || day != currentDay || current.scope != h.scope() || !current.code.equals(h.code())) {
                String key = h.scope().code() + '\u0000' + h.code() + '\u0000' + day;
                if (unordered == null) {
                    unordered = new java.util.HashMap<>();
                }
                current = unordered.get(key);
                if (current == null) {
                    current = new HourDay(h.scope(), h.code(), LocalDate.ofEpochDay(day));
                    unordered.put(key, current);
                    out.add(current);
                }
                currentDay = day;
            }
            current.put(slot, h);
        }
        return out;
    }

    @Override
    public void replace(List<Replacement> batch) {
        Objects.requireNonNull(batch, "batch");
        if (batch.isEmpty()) {
            return;
        }
        List<Hour> hours = new ArrayList<>();
        List<Day> days = new ArrayList<>();
        for (Replacement r : batch) {
            hours.addAll(r.hours());
            days.addAll(r.days());
        }
        bulkLock.acquireUninterruptibly();
        try {
            Jdbc.inTransaction(db, "derived replace of " + batch.size() + " ranges", c -> {
                deleteRanges(c, batch);
                insert(c, byDay(hours), days);
                return null;
            });
        } finally {
            bulkLock.release();
        }
    }

    /**
     * Deletes the replaced ranges: replacements with the same scope and ranges (a recompute's are all alike) go
     * as one statement per chunk of codes, so a large table is scanned once per chunk, not once per code.
     */
    private static void deleteRanges(Connection c, List<Replacement> batch) throws SQLException {
        java.util.Map<List<Object>, List<String>> groups = new java.util.LinkedHashMap<>();
        for (Replacement r : batch) {
            java.util.List<Object> key = java.util.Arrays.asList(r.scope(), r.fromHour(), r.toHour(), r.fromDay(),
                    r.toDay());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r.code());
        }
        for (java.util.Map.Entry<List<Object>, List<String>> g : groups.entrySet()) {
            Scope scope = (Scope) g.getKey().get(0);
            Instant fromHour = (Instant) g.getKey().get(1);
            Instant toHour = (Instant) g.getKey().get(2);
            LocalDate fromDay = (LocalDate) g.getKey().get(3);
            LocalDate toDay = (LocalDate) g.getKey().get(4);
            for (List<String> chunk : chunks(new java.util.LinkedHashSet<>(g.getValue()))) {
                if (fromHour != null) {
                    delete(c, "DELETE FROM air_hourly WHERE scope = ? AND day >= ? AND day < ?" + in(chunk), scope,
                            DerivedStore.dayOf(fromHour), DerivedStore.dayOf(toHour), chunk);
                }
                if (fromDay != null) {
                    delete(c, "DELETE FROM air_daily WHERE scope = ? AND day >= ? AND day <= ?" + in(chunk), scope,
                            fromDay, toDay, chunk);
                }
            }
        }
    }

    private static void delete(Connection c, String sql, Scope scope, LocalDate a, LocalDate b, List<String> codes)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, scope.code());
            ps.setObject(2, a);
            ps.setObject(3, b);
            bindCodes(ps, 4, codes);
            ps.executeUpdate();
        }
    }

    @Override
    public BulkReplace replaceAll(Instant fromHour, Instant toHour, LocalDate fromDay, LocalDate toDay) {
        Objects.requireNonNull(fromHour, "fromHour");
        Objects.requireNonNull(toHour, "toHour");
        Objects.requireNonNull(fromDay, "fromDay");
        Objects.requireNonNull(toDay, "toDay");
        if (!DerivedStore.isMidnight(fromHour) || !DerivedStore.isMidnight(toHour)) {
            throw new IllegalArgumentException("an hour range must start and end at a Beijing midnight");
        }
        return new Bulk(fromHour, toHour, fromDay, toDay);
    }

    /** Holds the write lock and one open transaction from the range delete to commit or close. */
    private final class Bulk implements BulkReplace {
        private final Instant fromHour;
        private final Instant toHour;
        private final LocalDate fromDay;
        private final LocalDate toDay;
        private Connection c;
        private boolean done;

        Bulk(Instant fromHour, Instant toHour, LocalDate fromDay, LocalDate toDay) {
            this.fromHour = fromHour;
            this.toHour = toHour;
            this.fromDay = fromDay;
            this.toDay = toDay;
            bulkLock.acquireUninterruptibly();
            try {
                c = db.connect();
                c.setAutoCommit(false);
                try (PreparedStatement dh = c.prepareStatement("DELETE FROM air_hourly WHERE day >= ?"
                        + " AND day < ?");
                        PreparedStatement dd = c.prepareStatement("DELETE FROM air_daily WHERE day >= ?"
                                + " AND day <= ?")) {
                    dh.setObject(1, DerivedStore.dayOf(fromHour));
                    dh.setObject(2, DerivedStore.dayOf(toHour));
                    dh.executeUpdate();
                    dd.setObject(1, fromDay);
                    dd.setObject(2, toDay);
                    dd.executeUpdate();
                }
            } catch (SQLException | RuntimeException e) {
                close();
                throw new org.envmon.model.StoreException("derived bulk replace failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void add(List<Replacement> batch) {
            List<Hour> hours = new ArrayList<>();
            List<Day> days = new ArrayList<>();
            for (Replacement r : batch) {
                if (r.fromHour() != null && (r.fromHour().isBefore(fromHour) || r.toHour().isAfter(toHour))
                        || r.fromDay() != null && (r.fromDay().isBefore(fromDay) || r.toDay().isAfter(toDay))) {
                    throw new IllegalArgumentException("replacement outside the bulk range: " + r.code());
                }
                hours.addAll(r.hours());
                days.addAll(r.days());
            }
            try {
                insert(c, byDay(hours), days);
            } catch (SQLException e) {
                throw new org.envmon.model.StoreException("derived bulk insert failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void commit() {
            try {
                c.commit();
                done = true;
            } catch (SQLException e) {
                throw new org.envmon.model.StoreException("derived bulk commit failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            if (c == null) {
                return;
            }
            try {
                if (!done) {
                    Jdbc.rollbackQuietly(c, new IllegalStateException("bulk replace not committed"));
                }
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            } finally {
                c = null;
                bulkLock.release();
            }
        }
    }

    @Override
    public void hours(Scope scope, Collection<String> codes, Instant from, Instant to, Consumer<Hour> sink) {
        Objects.requireNonNull(sink, "sink");
        readDays("derived hours", "SELECT " + HOUR_COLUMNS + " FROM air_hourly", scope, codes, DerivedStore.dayOf(from),
                DerivedStore.dayOf(to.minusNanos(1)), 1_000, rs -> {
                    HourDay d = new HourDay(scope, rs.getString(2), rs.getObject(3, LocalDate.class));
                    shorts(rs, 4, d.aqi);
                    shorts(rs, 5, d.mask);
                    shorts(rs, 6, d.stations);
                    for (int k = 0; k < HOUR_VALUES; k++) {
                        ints(rs, 7 + k, d.values[k]);
                    }
                    for (int slot = 0; slot < 24; slot++) {
                        Hour h = d.hour(slot);
                        if (h != null && !h.start().isBefore(from) && h.start().isBefore(to)) {
                            sink.accept(h);
                        }
                    }
                });
    }

    /** A row of a derived table, handed over as it is read. */
    @FunctionalInterface
    private interface RowSink {
        void accept(ResultSet rs) throws SQLException;
    }

    /** The rows of {@code select} of a scope's codes (null = all) with days in [from, to], by code and day. */
    private void readDays(String what, String select, Scope scope, Collection<String> codes, LocalDate from,
            LocalDate to, int fetchSize, RowSink row) {
        for (List<String> chunk : chunks(codes)) {
            String sql = select + " WHERE scope = ? AND day >= ? AND day <= ?" + in(chunk) + " ORDER BY code, day";
            Jdbc.read(db, what, c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, scope.code());
                    ps.setObject(2, from);
                    ps.setObject(3, to);
                    bindCodes(ps, 4, chunk);
                    ps.setFetchSize(fetchSize);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            row.accept(rs);
                        }
                    }
                }
                return null;
            });
        }
    }

    private static void shorts(ResultSet rs, int column, short[] into) throws SQLException {
        Object[] a = (Object[]) rs.getArray(column).getArray();
        for (int i = 0; i < into.length && i < a.length; i++) {
            into[i] = ((Number) a[i]).shortValue();
        }
    }

    private static void ints(ResultSet rs, int column, int[] into) throws SQLException {
        Object[] a = (Object[]) rs.getArray(column).getArray();
        for (int i = 0; i < into.length && i < a.length; i++) {
            into[i] = ((Number) a[i]).intValue();
        }
    }

    @Override
    public void days(Scope scope, Collection<String> codes, LocalDate from, LocalDate to, Consumer<Day> sink) {
        Objects.requireNonNull(sink, "sink");
        readDays("derived days", "SELECT " + DAY_COLUMNS + " FROM air_daily", scope, codes, from, to, 10_000, rs -> {
            long[] v = new long[DAY_VALUES];
            for (int k = 0; k < DAY_VALUES; k++) {
                v[k] = milli(rs, 7 + k);
            }
            int[] h = new int[POLLUTANTS];
            for (int p = 0; p < POLLUTANTS; p++) {
                h[p] = rs.getInt(14 + p);
            }
            sink.accept(new Day(scope, rs.getString(2), rs.getObject(3, LocalDate.class), aqi(rs, 4), rs.getInt(5),
                    rs.getInt(6), v, h, rs.getInt(20)));
        });
    }

    @Override
    public long[] count(Scope scope) {
        return Jdbc.read(db, "derived count", c -> {
            long[] out = new long[2];
            String[] tables = {"air_hourly", "air_daily"};
            for (int k = 0; k < 2; k++) {
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + tables[k]
                        + " WHERE scope = ?")) {
                    ps.setString(1, scope.code());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        out[k] = rs.getLong(1);
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void markLate(Collection<Late> late) {
        if (late.isEmpty()) {
            return;
        }
        // One flag per site and hour (the first arrival kept), multi-row statements of a few hundred rows.
        java.util.Map<String, Late> unique = new java.util.LinkedHashMap<>();
        for (Late l : late) {
            unique.putIfAbsent(l.site() + '\u0000' + l.hour(), l);
        }
        List<Late> rows = new ArrayList<>(unique.values());
        Jdbc.inTransaction(db, "late data flags", c -> {
            for (int from = 0; from < rows.size(); from += LATE_ROWS_PER_STATEMENT) {
                List<Late> chunk = rows.subList(from, Math.min(rows.size(), from + LATE_ROWS_PER_STATEMENT));
                try (PreparedStatement ps = c.prepareStatement(Jdbc.multiRowInsert("late_data (site_code, hour,"
                        + " received_at)", 3, chunk.size(), " ON CONFLICT (site_code, hour) DO NOTHING"))) {
                    int k = 1;
                    for (Late l : chunk) {
                        ps.setString(k++, l.site());
                        Jdbc.setInstant(ps, k++, l.hour());
                        Jdbc.setInstant(ps, k++, l.receivedAt());
                    }
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public List<Late> late(int limit) {
        return Jdbc.read(db, "late data", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT site_code, hour, received_at FROM late_data"
                    + " ORDER BY hour, site_code LIMIT ?")) {
                ps.setInt(1, limit);
                List<Late> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Late(rs.getString(1), Jdbc.getInstant(rs, 2), Jdbc.getInstant(rs, 3)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public long clearLate(Instant from, Instant to) {
        return Jdbc.inTransaction(db, "clear late data", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM late_data WHERE hour >= ? AND hour < ?")) {
                Jdbc.setInstant(ps, 1, from);
                Jdbc.setInstant(ps, 2, to);
                return (long) ps.executeUpdate();
            }
        });
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static List<List<String>> chunks(Collection<String> codes) {
        List<List<String>> out = new ArrayList<>();
        if (codes == null) {
            out.add(null);
            return out;
        }
        List<String> all = new ArrayList<>(codes);
        for (int i = 0; i < all.size(); i += CODES_PER_READ) {
            out.add(all.subList(i, Math.min(all.size(), i + CODES_PER_READ)));
        }
        return out;
    }

    private static String in(List<String> chunk) {
        return chunk == null ? "" : " AND code IN (" + Jdbc.placeholders(chunk.size()) + ")";
    }

    private static void bindCodes(PreparedStatement ps, int first, List<String> chunk) throws SQLException {
        if (chunk != null) {
            for (int i = 0; i < chunk.size(); i++) {
                ps.setString(first + i, chunk.get(i));
            }
        }
    }

    private static long milli(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? -1 : v;
    }

    private static int aqi(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? -1 : v;
    }

    /** A milli value as a column value: null when missing. */
    protected static Integer column(long milli) {
        if (milli < 0) {
            return null;
        }
        if (milli > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("value too large for the derived tables: " + milli);
        }
        return (int) milli;
    }
}
