package org.envmon.ingest.files;

/**
 * A row or cell that could not be imported: where it is and why. The rest of the file still loads.
 *
 * @param columnNumber the column counted from 1, or 0 when the problem is the whole row or unknown
 * @param column       the column's name (for CNEMC files the station code), or null
 * @param kind         what kind of problem and what was skipped, a fixed phrase to count by, e.g. "value not a
 *                     number (value skipped)"
 * @param reason       the detail, e.g. "not a number: 'x7'"
 */
public record ImportProblem(String file, long line, int columnNumber, String column, String kind, String reason) {

    /** A problem without a column number; its reason is also its kind. */
    public ImportProblem(String file, long line, String column, String reason) {
        this(file, line, 0, column, reason, reason);
    }

    @Override
    public String toString() {
        return file + ":" + line + (columnNumber > 0 ? ":" + columnNumber : "")
                + (column == null ? "" : " column " + column) + ": " + reason;
    }
}
