package org.envmon.reports;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A report independent of the file format: title, subtitle (period, editions and standards used), generation time,
 * tables, and report-wide notes (control sites excluded, data validity, decisions). Immutable.
 */
public record Report(String title, String subtitle, Instant generatedAt, List<Table> tables, List<String> notes) {

    /** Beijing time, in which generation times are printed. */
    public static final ZoneOffset BEIJING = org.envmon.model.BeijingTime.OFFSET;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public Report {
        Objects.requireNonNull(title, "title");
        subtitle = subtitle == null ? "" : subtitle;
        Objects.requireNonNull(generatedAt, "generatedAt");
        tables = List.copyOf(tables);
        notes = List.copyOf(notes);
        List<String> ids = new ArrayList<>();
        for (Table t : tables) {
            if (ids.contains(t.id())) {
                throw new IllegalArgumentException("duplicate table id " + t.id());
            }
            ids.add(t.id());
        }
    }

    /** "生成时间：2026-01-05 09:30（北京时间）". */
    public String generatedLine() {
        return "生成时间：" + STAMP.format(generatedAt.atOffset(BEIJING)) + "（北京时间）";
    }

    public Optional<Table> table(String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public List<String> tableIds() {
        return tables.stream().map(Table::id).toList();
    }

    /**
     * The same report with only the named tables, in the order given ({@code --table}).
     *
     * @throws IllegalArgumentException naming the tables that exist, if one is unknown
     */
    public Report select(String... ids) {
        List<Table> out = new ArrayList<>();
        for (String id : ids) {
            out.add(table(id).orElseThrow(() -> new IllegalArgumentException(
                    "no table '" + id + "' in this report; tables: " + String.join(", ", tableIds()))));
        }
        return new Report(title, subtitle, generatedAt, out, notes);
    }

    @Override
    public String toString() {
        return "Report[" + title + ", tables=" + tableIds() + "]";
    }
}
