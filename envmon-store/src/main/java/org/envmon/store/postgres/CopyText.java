package org.envmon.store.postgres;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.postgresql.copy.CopyIn;

/** Rows in COPY text format, sent in chunks of about 256 KiB. */
final class CopyText {
    private static final HexFormat HEX = HexFormat.of();

    private static final int CHUNK = 256 * 1024;
    private final CopyIn in;
    private final StringBuilder sb = new StringBuilder(CHUNK + 4096);

    CopyText(CopyIn in) {
        this.in = in;
    }

    CopyText tab() {
        sb.append('\t');
        return this;
    }

    CopyText number(long n) {
        sb.append(n);
        return this;
    }

    CopyText text(String s) {
        if (s == null) {
            sb.append("\\N");
            return this;
        }
        for (int k = 0; k < s.length(); k++) {
            char ch = s.charAt(k);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
        return this;
    }

    CopyText time(Instant t) {
        sb.append(micros(t));
        return this;
    }

    /** bytea hex input, its backslash escaped for COPY: {@code \\x0aff}; null as \N. */
    CopyText bytea(byte[] bytes) {
        if (bytes == null) {
            sb.append("\\N");
            return this;
        }
        sb.append("\\\\x");
        HEX.formatHex(sb, bytes);
        return this;
    }

    void endRow() throws SQLException {
        sb.append('\n');
        if (sb.length() >= CHUNK) {
            flush();
        }
    }

    private void flush() throws SQLException {
        byte[] data = sb.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(data, 0, data.length);
        sb.setLength(0);
    }

    void finish() throws SQLException {
        if (sb.length() > 0) {
            flush();
        }
        in.endCopy();
    }

    void cancelIfActive() {
        if (in.isActive()) {
            try {
                in.cancelCopy();
            } catch (SQLException ignored) {
                // the transaction is rolled back anyway
            }
        }
    }

    /** An instant as PostgreSQL timestamptz input, truncated to the microseconds the column keeps (as hashed). */
    static String micros(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS).toString();
    }
}
