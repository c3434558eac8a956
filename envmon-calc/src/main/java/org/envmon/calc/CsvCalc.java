package org.envmon.calc;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Shared CSV plumbing for every {@code envmon calc ...} command. Keep it small: it knows nothing about any standard.
 *
 * <h2>Contract it implements (common to all calc commands)</h2>
 * <ul>
 *   <li>Input: UTF-8 CSV (RFC 4180 quoting), first row is the header, from a file argument or stdin ({@code -} or
 *       no argument). A UTF-8 byte-order mark is ignored. Header names are trimmed and matched case-sensitively.</li>
 *   <li>Output: UTF-8 CSV on stdout, LF line ends: every input column in input order (unknown columns are passed
 *       through untouched), then the command's result columns. If the input already has a column with the name of
 *       a result column, the input column is dropped and the freshly computed one is appended (no duplicate
 *       names).</li>
 *   <li>Cells: an empty (or all-blank) cell, or a column that is absent, means "missing". Numbers are plain
 *       decimals ({@code 12}, {@code 0.6}, {@code 1e2}); anything else is an error.</li>
 *   <li>Errors: {@code calc <cmd>: <source>:<line>:<column> (<name>): <message>} on stderr. Line numbers count
 *       physical lines from 1 (the header is line 1); columns count from 1. The row is still written (with the
 *       result columns the command could not compute left empty) and the other rows are processed; the command
 *       ends with exit code {@value #EXIT_BAD_INPUT}. Malformed CSV (broken quoting) stops reading at that point,
 *       also with exit code 2.</li>
 *   <li>Edition: {@code --edition} names an edition explicitly; otherwise each row's edition comes from its
 *       {@code time} column (an hour <em>end</em> label, {@code yyyy-MM-dd HH:mm[:ss]} or ISO {@code T}; or, with
 *       an offset as the API writes it, {@code 2019-01-01T00:00+08:00}, the hour's <em>start</em>), else its
 *       {@code date} column ({@code yyyy-MM-dd} or {@code yyyyMMdd}), else the command's default. See
 *       {@link EditionRule}. The edition used is written in an {@code edition} column.</li>
 * </ul>
 *
 * <h2>Typical use (see {@code CalcAqiCommand})</h2>
 * <pre>{@code
 * try (CsvCalc csv = CsvCalc.open(spec, "aqi", inputFile)) {
 *     csv.writeHeader(List.of("result_a", "result_b", "edition"));
 *     for (CsvCalc.Row row : csv) {
 *         BigDecimal x = row.nonNegativeDecimal("x");      // null if missing or bad (bad is reported)
 *         ...
 *         csv.write(row, List.of(a, b, edition));           // or csv.writeEmptyResults(row) if nothing computed
 *     }
 *     return csv.exitCode();
 * }
 * }</pre>
 * Instances are single-use and not thread-safe.
 */
public final class CsvCalc implements Closeable, Iterable<CsvCalc.Row> {

    /** Exit code for bad input (picocli uses the same code for usage errors such as an unknown option). */
    public static final int EXIT_BAD_INPUT = 2;

    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .appendOptional(DateTimeFormatter.ofPattern("uuuu-MM-dd"))
            .appendOptional(DateTimeFormatter.ofPattern("uuuuMMdd"))
            .toFormatter();
    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .toFormatter();

    private final String command;
    private final String source;
    private final CSVParser parser;
    private final PrintWriter err;
    private final Writer outWriter;
    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();
    private CSVPrinter printer;
    private int[] passThrough;
    private int resultCount;
    private int errors;
    private boolean iterated;

    private CsvCalc(String command, String source, Reader in, Writer out, PrintWriter err) throws IOException {
        this.command = command;
        this.source = source;
        this.err = err;
        this.outWriter = out;
        this.parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(in);
        Iterator<CSVRecord> it = parser.iterator();
        List<String> h = new ArrayList<>();
        if (it.hasNext()) {
            CSVRecord rec = it.next();
            for (int i = 0; i < rec.size(); i++) {
                String name = rec.get(i).trim();
                if (i == 0 && name.startsWith("\uFEFF")) {
                    name = name.substring(1).trim();
                }
                h.add(name);
                index.putIfAbsent(name, i);
            }
        }
        this.header = Collections.unmodifiableList(h);
    }

    /**
     * Opens the input named on the command line ({@code null} or {@code -} = stdin) and binds stderr/stdout to the
     * picocli command's writers, so tests can capture them with {@code CommandLine.setOut/setErr}.
     */
    public static CsvCalc open(CommandSpec spec, String command, Path file, InputStream stdin) throws IOException {
        CommandLine cl = spec.commandLine();
        return open(command, file, stdin, cl.getOut(), cl.getErr());
    }

    /** Same as {@link #open(CommandSpec, String, Path, InputStream)} with explicit streams. */
    public static CsvCalc open(String command, Path file, InputStream stdin, Writer out, PrintWriter err)
            throws IOException {
        Reader reader;
        String source;
        if (file == null || file.toString().equals("-")) {
            reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            source = "<stdin>";
        } else {
            reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            source = file.toString();
        }
        return new CsvCalc(command, source, reader, out, err);
    }

    /** Input header, names trimmed. */
    public List<String> header() {
        return header;
    }

    public boolean hasColumn(String name) {
        return index.containsKey(name);
    }

    /**
     * Writes the output header: the input columns (minus any whose name is in {@code results}) then
     * {@code results}. Must be called once, before the first {@link #write}.
     */
    public void writeHeader(List<String> results) throws IOException {
        List<Integer> keep = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (!results.contains(header.get(i))) {
                keep.add(i);
                out.add(header.get(i));
            }
        }
        out.addAll(results);
        passThrough = keep.stream().mapToInt(Integer::intValue).toArray();
        resultCount = results.size();
        printer = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get().print(outWriter);
        printer.printRecord(out);
    }

    /**
     * For aggregating commands (one output row per statistic, not per input row): writes {@code columns} as the
     * output header; no input column is passed through. Then use {@link #writeRecord}.
     */
    public void writeAggregateHeader(List<String> columns) throws IOException {
        passThrough = new int[0];
        resultCount = columns.size();
        printer = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get().print(outWriter);
        printer.printRecord(columns);
    }

    /** Writes one aggregate output row ({@code null} = empty cell). */
    public void writeRecord(List<?> cells) throws IOException {
        List<Object> out = new ArrayList<>(cells.size());
        for (Object c : cells) {
            out.add(c == null ? "" : c);
        }
        printer.printRecord(out);
    }

    /** Writes one output row: the row's pass-through cells, then {@code results} ({@code null} = empty cell). */
    public void write(Row row, List<?> results) throws IOException {
        if (results.size() != resultCount) {
            throw new IllegalArgumentException("expected " + resultCount + " results, got " + results.size());
        }
        List<Object> cells = new ArrayList<>(passThrough.length + resultCount);
        for (int i : passThrough) {
            cells.add(i < row.record.size() ? row.record.get(i) : "");
        }
        for (Object r : results) {
            cells.add(r == null ? "" : r);
        }
        printer.printRecord(cells);
    }

    /** Writes the row with every result column empty. */
    public void writeEmptyResults(Row row) throws IOException {
        write(row, Collections.nCopies(resultCount, null));
    }

    /**
     * Writes a row with a bad cell: a bad cell never silently becomes "missing", so every result column is empty
     * but the last, the edition the row would have been computed by.
     */
    public void writeBadRow(Row row, Object edition) throws IOException {
        List<Object> results = new ArrayList<>(Collections.nCopies(resultCount - 1, null));
        results.add(edition);
        write(row, results);
    }

    /** Reports an error not tied to a row (e.g. a bad option value). Counts toward the exit code. */
    public void error(String message) {
        errors++;
        err.println("calc " + command + ": " + source + ": " + message);
        err.flush();
    }

    /** Number of errors reported so far. */
    public int errorCount() {
        return errors;
    }

    /** 0 if nothing was reported, else {@value #EXIT_BAD_INPUT}. */
    public int exitCode() {
        return errors == 0 ? 0 : EXIT_BAD_INPUT;
    }

    /** Rows in input order. May be iterated once. Broken CSV quoting is reported and ends the iteration. */
    @Override
    public Iterator<Row> iterator() {
        if (iterated) {
            throw new IllegalStateException("rows can be read once");
        }
        iterated = true;
        Iterator<CSVRecord> records = parser.iterator();
        return new Iterator<>() {
            private Row next;
            private long line = parser.getCurrentLineNumber();
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    try {
                        if (records.hasNext()) {
                            CSVRecord r = records.next();
                            next = new Row(r, line + 1);
                            line = parser.getCurrentLineNumber();
                        } else {
                            done = true;
                        }
                    } catch (UncheckedIOException | IllegalStateException e) {
                        done = true;
                        error("line " + (line + 1) + ": malformed CSV, stopped reading: " + e.getMessage());
                    }
                }
                return next != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row r = next;
                next = null;
                return r;
            }
        };
    }

    @Override
    public void close() throws IOException {
        try {
            if (printer != null) {
                printer.flush();
            }
            outWriter.flush();
        } finally {
            parser.close();
        }
    }

    /** {@code text} read with {@code format}, or empty if it is not of that form. */
    private static <T> Optional<T> parse(String text, DateTimeFormatter format, TemporalQuery<T> query) {
        try {
            return Optional.of(format.parse(text, query));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The usage error (exit code 2) for an option value outside {@code expected}, e.g. {@code "river|lake"}. */
    static CommandLine.ParameterException invalidOption(CommandSpec spec, String option, String value,
            String expected) {
        return new CommandLine.ParameterException(spec.commandLine(),
                "Invalid value for option '" + option + "': '" + value + "' (expected " + expected + ")");
    }

    /** One input row. Accessors report bad cells (with line and column) and return {@code null} for them. */
    public final class Row {
        private final CSVRecord record;
        private final long line;
        private boolean bad;

        private Row(CSVRecord record, long line) {
            this.record = record;
            this.line = line;
        }

        /** Physical line number of the start of this row (header = 1). */
        public long line() {
            return line;
        }

        /** True once any accessor (or {@link #error}) reported a problem in this row. */
        public boolean hasErrors() {
            return bad;
        }

        /** Trimmed cell text, or {@code null} if the column is absent or the cell blank. */
        public String text(String column) {
            Integer i = index.get(column);
            if (i == null || i >= record.size()) {
                return null;
            }
            String s = record.get(i).trim();
            return s.isEmpty() ? null : s;
        }

        /** A decimal cell; {@code null} when missing or not a number (the latter is reported). */
        public BigDecimal decimal(String column) {
            String s = text(column);
            if (s == null) {
                return null;
            }
            try {
                return new BigDecimal(s);
            } catch (NumberFormatException e) {
                error(column, "not a number: '" + s + "'");
                return null;
            }
        }

        /** Like {@link #decimal} but a negative value is also reported (and {@code null} returned). */
        public BigDecimal nonNegativeDecimal(String column) {
            BigDecimal v = decimal(column);
            if (v != null && v.signum() < 0) {
                error(column, "negative value: " + v.toPlainString());
                return null;
            }
            return v;
        }

        /** The {@code column} cell as a date ({@code yyyy-MM-dd} or {@code yyyyMMdd}); bad dates are reported. */
        public Optional<LocalDate> date(String column) {
            return read(column, s -> parse(s, DATE, LocalDate::from), "a date (yyyy-MM-dd or yyyyMMdd)");
        }

        /** The {@code column} cell as a local date-time ({@code yyyy-MM-dd HH:mm[:ss]}, space or {@code T}). */
        public Optional<LocalDateTime> dateTime(String column) {
            return read(column, s -> parse(s, TIME, LocalDateTime::from), "a date-time (yyyy-MM-dd HH:mm[:ss])");
        }

        /** The {@code column} cell read by {@code parser}; a cell it cannot read is reported as not {@code what}. */
        private <T> Optional<T> read(String column, Function<String, Optional<T>> parser, String what) {
            String s = text(column);
            if (s == null) {
                return Optional.empty();
            }
            Optional<T> value = parser.apply(s);
            if (value.isEmpty()) {
                error(column, "not " + what + ": '" + s + "'");
            }
            return value;
        }

        /**
         * The {@code column} cell as an hour-end label in Beijing time. Two forms: a local
         * {@code yyyy-MM-dd HH:mm[:ss]} (space or {@code T}) is the label itself; an ISO-8601 time with an offset, as
         * the API writes it ({@code 2019-01-01T00:00+08:00}), is the <em>start</em> of the hour as in the API, so
         * its label is one hour later in Beijing time. Bad cells are reported.
         */
        public Optional<LocalDateTime> hourEndLabel(String column) {
            return read(column, s -> parse(s, TIME, LocalDateTime::from)
                    .or(() -> parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME, OffsetDateTime::from)
                            .map(start -> start.atZoneSameInstant(BEIJING).toLocalDateTime().plusHours(1))),
                    "a date-time (hour-end label yyyy-MM-dd HH:mm[:ss], or the hour's start with an offset as the API"
                            + " writes it, e.g. 2019-01-01T00:00+08:00)");
        }

        /** Reports a problem with one cell of this row. */
        public void error(String column, String message) {
            bad = true;
            Integer i = index.get(column);
            String col = i == null ? "-" : String.valueOf(i + 1);
            CsvCalc.this.errors++;
            err.println("calc " + command + ": " + source + ":" + line + ":" + col + " (" + column + "): " + message);
            err.flush();
        }
    }

    /**
     * How the edition of a row is chosen: an explicit {@code --edition} value wins; otherwise the row's
     * {@code time} column (read as an hour-end label) or {@code date} column; otherwise {@code fallback}.
     * Generic in the edition type so each command can plug in its own standard's edition enum.
     *
     * @param <E> the edition type
     */
    public static final class EditionRule<E> {
        private final E named;
        private final Function<LocalDateTime, E> byHourEndLabel;
        private final Function<LocalDate, E> byDay;
        private final E fallback;

        /**
         * @param option         the raw {@code --edition} value or {@code null}
         * @param parse          maps an option value to an edition, or {@code null} if unknown
         * @param allowed        the allowed values for the error message, e.g. {@code "2012|2026"}
         * @param byHourEndLabel edition for a {@code time} cell (hour-end label)
         * @param byDay          edition for a {@code date} cell
         * @param fallback       edition when nothing else applies
         * @throws CommandLine.ParameterException (exit code 2) on an unknown option value
         */
        public EditionRule(CommandSpec spec, String option, Function<String, E> parse, String allowed,
                Function<LocalDateTime, E> byHourEndLabel, Function<LocalDate, E> byDay, E fallback) {
            if (option != null) {
                E e = parse.apply(option.trim());
                if (e == null) {
                    throw invalidOption(spec, "--edition", option, allowed);
                }
                this.named = e;
            } else {
                this.named = null;
            }
            this.byHourEndLabel = byHourEndLabel;
            this.byDay = byDay;
            this.fallback = fallback;
        }

        /** The edition named by {@code --edition}, if any. */
        public Optional<E> named() {
            return Optional.ofNullable(named);
        }

        /** Edition for one row (bad date cells are reported on the row and the fallback is used). */
        public E forRow(Row row) {
            if (named != null) {
                return named;
            }
            Optional<LocalDateTime> t = row.hourEndLabel("time");
            if (t.isPresent()) {
                return byHourEndLabel.apply(t.get());
            }
            Optional<LocalDate> d = row.date("date");
            if (d.isPresent()) {
                return byDay.apply(d.get());
            }
            return fallback;
        }
    }
}
