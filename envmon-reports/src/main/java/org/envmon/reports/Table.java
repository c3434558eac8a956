package org.envmon.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One published table: a caption, Chinese column headings with units, rows of typed cells, and notes printed below
 * it. Immutable.
 *
 * @param id      stable ASCII id, used to pick one table ({@code --table}) and as the CSV section / file name
 */
public record Table(String id, String caption, List<Column> columns, List<List<Cell>> rows, List<String> notes) {

    public Table {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caption, "caption");
        columns = List.copyOf(columns);
        List<List<Cell>> copy = new ArrayList<>(rows.size());
        for (List<Cell> r : rows) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException("table " + id + ": row of " + r.size() + " cells for "
                        + columns.size() + " columns");
            }
            copy.add(List.copyOf(r));
        }
        rows = List.copyOf(copy);
        notes = List.copyOf(notes);
    }

    /** Index of the column with {@code key}, −1 if none. */
    public int columnIndex(String key) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** Builds a table row by row. */
    public static Builder builder(String id, String caption) {
        return new Builder(id, caption);
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private final String id;
        private final String caption;
        private final List<Column> columns = new ArrayList<>();
        private final List<List<Cell>> rows = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        private Builder(String id, String caption) {
            this.id = id;
            this.caption = caption;
        }

        public Builder column(String key, String title, String unit) {
            columns.add(Column.of(key, title, unit));
            return this;
        }

        public Builder column(String key, String title) {
            return column(key, title, "");
        }

        public Builder row(List<Cell> cells) {
            rows.add(cells);
            return this;
        }

        public Builder row(Cell... cells) {
            return row(List.of(cells));
        }

        public Builder note(String note) {
            notes.add(note);
            return this;
        }

        public int rowCount() {
            return rows.size();
        }

        public Table build() {
            return new Table(id, caption, columns, rows, notes);
        }
    }
}
