package org.envmon.store.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.envmon.store.jdbc.ConnectionSource;
import org.envmon.store.jdbc.JdbcDerivedStore;

/** Derived rows appended with DuckDB appenders (column order of V5__derived_air.sql). */
final class DuckDbDerivedStore extends JdbcDerivedStore {

    DuckDbDerivedStore(ConnectionSource db) {
        super(db);
    }

    @Override
    protected void insert(Connection c, List<HourDay> hours, List<Day> days) throws SQLException {
        DuckDBConnection d = c.unwrap(DuckDBConnection.class);
        if (!hours.isEmpty()) {
            // A day row of 24-slot arrays: one appender row per station-day instead of 24.
            try (DuckDBAppender a = d.createAppender("air_hourly")) {
                for (HourDay h : hours) {
                    a.beginRow().append(h.scope.code()).append(h.code).append(h.day).append(h.aqi).append(h.mask)
                            .append(h.stations);
                    for (int[] v : h.values) {
                        a.append(v);
                    }
                    a.endRow();
                }
                a.flush(); // close() would swallow a failure
            }
        }
        if (!days.isEmpty()) {
            try (DuckDBAppender a = d.createAppender("air_daily")) {
                for (Day x : days) {
                    a.beginRow().append(x.scope().code()).append(x.code()).append(x.day());
                    small(a, x.aqi());
                    a.append((short) x.primaryMask()).append((short) x.stations());
                    for (long v : x.values()) {
                        milli(a, v);
                    }
                    for (int h : x.validHours()) {
                        a.append((short) h);
                    }
                    a.append((short) x.o3Windows()).endRow();
                }
                a.flush();
            }
        }
    }

    private static void small(DuckDBAppender a, int v) throws SQLException {
        if (v < 0) {
            a.appendNull();
        } else {
            a.append((short) v);
        }
    }

    private static void milli(DuckDBAppender a, long v) throws SQLException {
        Integer i = column(v);
        if (i == null) {
            a.appendNull();
        } else {
            a.append(i.intValue());
        }
    }
}
