package org.envmon.quality.qc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.envmon.model.Interval;
import org.envmon.model.Medium;

/**
 * Immutable QC configuration: thresholds per medium, parameter code and interval.
 *
 * <p>Format (UTF-8 CSV, {@code #} starts a comment line), the shipped defaults are {@code qc-defaults.csv} beside this
 * class:
 * <pre>
 * medium,code,interval,min,max,detection_limit,constant_n,constant_min,rate_max,spike_factor,spike_min,max_gap,not_above,reason
 * </pre>
 * {@code medium} is a {@link Medium#code()}; {@code interval} is an {@link Interval#code()} or {@code *} for all
 * intervals; an empty cell switches the check off. For one medium, code and interval the thresholds are those of the
 * {@code *} row with the non-empty cells of the interval's own row laid over them. {@code max_gap} is an ISO-8601
 * duration ({@code PT1H}); empty = the interval's default ({@link #defaultMaxGap(Interval)}). {@code reason} is
 * free text (it may contain commas) and is required for every row, so a default without a reason cannot ship.
 *
 * <p>An override file has the same format; each of its rows replaces the default row with the same medium, code and
 * interval as a whole (no cell-by-cell merge, so what the file says is what applies).
 */
public final class QcRules {
    public static final String DEFAULTS_RESOURCE = "qc-defaults.csv";
    static final String HEADER =
            "medium,code,interval,min,max,detection_limit,constant_n,constant_min,rate_max,spike_factor,spike_min,max_gap,not_above,reason";
    private static final int COLUMNS = 14;
    private static final String ALL = "*";

    /** One line as written, kept for overrides and for {@link #rows()}. */
    public record Row(Medium medium, String code, String interval, String[] cells, String reason, String source) {
        public Row {
            cells = cells.clone();
        }

        String key() {
            return medium.code() + "|" + code + "|" + interval;
        }

        public String cell(int column) {
            return cells[column];
        }
    }

    private final List<Row> rows;
    /** Index medium.ordinal() * 4 + interval.ordinal(); never modified after construction. */
    private final Map<String, ParamRule>[] table;

    private QcRules(List<Row> rows) {
        this.rows = List.copyOf(rows);
        this.table = resolve(this.rows);
    }

    /** The shipped defaults. */
    public static QcRules defaults() {
        try (InputStream in = QcRules.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULTS_RESOURCE);
            }
            return new QcRules(parseRows(new InputStreamReader(in, StandardCharsets.UTF_8), DEFAULTS_RESOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Only the rows of {@code reader}, no defaults. */
    public static QcRules parse(Reader reader, String sourceName) {
        return new QcRules(parseRows(reader, sourceName));
    }

    /** The defaults with the rows of an override file laid over them. */
    public static QcRules defaultsWithOverrides(Path overrideFile) {
        return defaults().withOverrides(overrideFile);
    }

    public QcRules withOverrides(Path overrideFile) {
        try (Reader r = Files.newBufferedReader(overrideFile, StandardCharsets.UTF_8)) {
            return withOverrides(r, overrideFile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public QcRules withOverrides(Reader reader, String sourceName) {
        Map<String, Row> byKey = new LinkedHashMap<>();
        for (Row r : rows) {
            byKey.put(r.key(), r);
        }
        for (Row r : parseRows(reader, sourceName)) {
            byKey.put(r.key(), r);
        }
        return new QcRules(new ArrayList<>(byKey.values()));
    }

    /** The rows this configuration was built from (defaults first, overrides replacing in place). */
    public List<Row> rows() {
        return rows;
    }

    /** The thresholds for a parameter, or null when none are configured (then only flag and series-order checks run). */
    public ParamRule rule(Medium medium, Interval interval, String code) {
        return table[medium.ordinal() * 4 + interval.ordinal()].get(code);
    }

    /** Rate and spike compare with the previous value when it is at most this much older, unless a row says otherwise. */
    public static Duration defaultMaxGap(Interval interval) {
        return switch (interval) {
            case REALTIME -> Duration.ofMinutes(5);
            case MINUTE -> Duration.ofMinutes(20);
            case HOUR -> Duration.ofHours(1);
            case DAY -> Duration.ofDays(1);
        };
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static List<Row> parseRows(Reader reader, String source) {
        List<Row> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        BufferedReader br = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        try {
            String line;
            int no = 0;
            while ((line = br.readLine()) != null) {
                no++;
                if (no == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#") || t.equals(HEADER)) {
                    continue;
                }
                String[] c = t.split(",", COLUMNS);
                if (c.length != COLUMNS) {
                    throw bad(source, no, "expected " + COLUMNS + " columns (" + HEADER + "), found " + c.length);
                }
                for (int i = 0; i < COLUMNS; i++) {
                    c[i] = c[i].strip();
                }
                Medium medium;
                try {
                    medium = Medium.fromCode(c[0]);
                } catch (IllegalArgumentException e) {
                    throw bad(source, no, e.getMessage());
                }
                if (c[1].isEmpty()) {
                    throw bad(source, no, "empty parameter code");
                }
                String interval = c[2].isEmpty() ? ALL : c[2].toLowerCase(Locale.ROOT);
                if (!interval.equals(ALL)) {
                    try {
                        Interval.fromCode(interval);
                    } catch (IllegalArgumentException e) {
                        throw bad(source, no, e.getMessage());
                    }
                }
                if (c[13].isEmpty()) {
                    throw bad(source, no, "every row needs a reason");
                }
                // validate the cells now so a bad file fails at load, not on the ingest path
                for (int i = 3; i <= 10; i++) {
                    if (!c[i].isEmpty()) {
                        try {
                            double v = Double.parseDouble(c[i]);
                            if (Double.isNaN(v) || (i == 6 && (v < 0 || v != Math.rint(v)))) {
                                throw new NumberFormatException();
                            }
                        } catch (NumberFormatException e) {
                            throw bad(source, no, "column " + HEADER.split(",")[i] + ": not a number: '" + c[i] + "'");
                        }
                    }
                }
                if (!c[11].isEmpty()) {
                    try {
                        Duration.parse(c[11]);
                    } catch (DateTimeParseException e) {
                        throw bad(source, no, "max_gap: not an ISO-8601 duration: '" + c[11] + "'");
                    }
                }
                Row row = new Row(medium, c[1], interval, c, c[13], source + ":" + no);
                Integer prev = seen.put(row.key(), no);
                if (prev != null) {
                    throw bad(source, no, "duplicate row for " + row.key() + " (first at line " + prev + ")");
                }
                out.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static IllegalArgumentException bad(String source, int line, String msg) {
        return new IllegalArgumentException(source + ":" + line + ": " + msg);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ParamRule>[] resolve(List<Row> rows) {
        Map<String, Row> byKey = new HashMap<>();
        for (Row r : rows) {
            byKey.put(r.key(), r);
        }
        Map<String, ParamRule>[] t = new Map[Medium.values().length * 4];
        for (Medium m : Medium.values()) {
            for (Interval iv : Interval.values()) {
                Map<String, ParamRule> map = new HashMap<>();
                for (Row r : rows) {
                    if (r.medium() != m || map.containsKey(r.code())) {
                        continue;
                    }
                    Row base = byKey.get(m.code() + "|" + r.code() + "|" + ALL);
                    Row own = byKey.get(m.code() + "|" + r.code() + "|" + iv.code());
                    if (base == null && own == null) {
                        continue;
                    }
                    map.put(r.code(), build(r.code(), iv, base, own));
                }
                t[m.ordinal() * 4 + iv.ordinal()] = Collections.unmodifiableMap(map);
            }
        }
        return t;
    }

    private static String cell(Row base, Row own, int i) {
        if (own != null && !own.cells[i].isEmpty()) {
            return own.cells[i];
        }
        return base == null ? "" : base.cells[i];
    }

    private static double num(Row base, Row own, int i) {
        String s = cell(base, own, i);
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    private static ParamRule build(String code, Interval iv, Row base, Row own) {
        String gap = cell(base, own, 11);
        String notAbove = cell(base, own, 12);
        double n = num(base, own, 6);
        return new ParamRule(code,
                num(base, own, 3), num(base, own, 4), num(base, own, 5),
                Double.isNaN(n) ? 0 : (int) n, num(base, own, 7),
                num(base, own, 8), num(base, own, 9), num(base, own, 10),
                (gap.isEmpty() ? defaultMaxGap(iv) : Duration.parse(gap)).toMillis(),
                notAbove.isEmpty() ? null : notAbove,
                notAbove.isEmpty() ? null : pairCode(code, notAbove));
    }

    /** PM2.5 within PM10 and NO2 within NOx get their own codes; every other part/total pair is PART_ABOVE_TOTAL. */
    static QcCode pairCode(String part, String total) {
        if (part.equals("a34004") && total.equals("a34002")) {
            return QcCode.PM25_ABOVE_PM10;
        }
        if (part.equals("a21004") && total.equals("a21002")) {
            return QcCode.NO2_ABOVE_NOX;
        }
        return QcCode.PART_ABOVE_TOTAL;
    }
}
