package org.envmon.store.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.envmon.store.jdbc.ConnectionSource;
import org.envmon.store.jdbc.JdbcDerivedStore;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** Derived rows streamed with {@code COPY ... FROM STDIN} (text format). */
final class PostgresDerivedStore extends JdbcDerivedStore {

    PostgresDerivedStore(ConnectionSource db) {
        super(db);
    }

    @Override
    protected void insert(Connection c, List<HourDay> hours, List<Day> days) throws SQLException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        if (!hours.isEmpty()) {
            CopyText out = new CopyText(copy.copyIn("COPY air_hourly (" + HOUR_COLUMNS + ") FROM STDIN"));
            try {
                for (HourDay h : hours) {
                    out.text(h.scope.code()).tab().text(h.code).tab().text(h.day.toString()).tab()
                            .text(array(h.aqi)).tab().text(array(h.mask)).tab().text(array(h.stations));
                    for (int[] v : h.values) {
                        out.tab().text(array(v));
                    }
                    out.endRow();
                }
                out.finish();
            } finally {
                out.cancelIfActive();
            }
        }
        if (!days.isEmpty()) {
            CopyText out = new CopyText(copy.copyIn("COPY air_daily (" + DAY_COLUMNS + ") FROM STDIN"));
            try {
                for (Day d : days) {
                    out.text(d.scope().code()).tab().text(d.code()).tab().text(d.day().toString()).tab();
                    nullable(out, d.aqi()).tab().number(d.primaryMask()).tab().number(d.stations());
                    for (long v : d.values()) {
                        nullable(out.tab(), column(v) == null ? -1 : v);
                    }
                    for (int h : d.validHours()) {
                        out.tab().number(h);
                    }
                    out.tab().number(d.o3Windows()).endRow();
                }
                out.finish();
            } finally {
                out.cancelIfActive();
            }
        }
    }

    /** A PostgreSQL array literal: {1,-1,...}. */
    private static String array(short[] a) {
        StringBuilder sb = new StringBuilder(a.length * 3 + 2).append('{');
        for (int i = 0; i < a.length; i++) {
            sb.append(i == 0 ? "" : ",").append(a[i]);
        }
        return sb.append('}').toString();
    }

    private static String array(int[] a) {
        StringBuilder sb = new StringBuilder(a.length * 6 + 2).append('{');
        for (int i = 0; i < a.length; i++) {
            sb.append(i == 0 ? "" : ",").append(a[i]);
        }
        return sb.append('}').toString();
    }

    private static CopyText nullable(CopyText out, long v) {
        return v < 0 ? out.text(null) : out.number(v);
    }
}
