package org.envmon.store.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.envmon.store.jdbc.ConnectionSource;
import org.envmon.store.jdbc.Jdbc;
import org.envmon.store.jdbc.JdbcDerivedStore;

/** Derived rows appended with DuckDB appenders (column order of V5__derived_air.sql). */
final class DuckDbDerivedStore extends JdbcDerivedStore {

    DuckDbDerivedStore(ConnectionSource db) {
        super(db);
    }

    @Override
    protected void insert(Connection c, List<Hour> hours, List<Day> days) throws SQLException {
        DuckDBConnection d = c.unwrap(DuckDBConnection.class);
        if (!hours.isEmpty()) {
            try (DuckDBAppender a = d.createAppender("air_hourly")) {
                for (Hour h : hours) {
                    a.beginRow().append(h.scope().code()).append(h.code())
                            .appendEpochMicros(Jdbc.epochMicros(h.start()));
                    small(a, h.aqi());
                    a.append((short) h.primaryMask()).append((short) h.stations());
                    for (long v : h.values()) {
                        milli(a, v);
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
