package org.envmon.ingest.files;

/** A row or cell that could not be imported: where it is and why. The rest of the file still loads. */
public record ImportProblem(String file, long line, String column, String reason) {
    @Override
    public String toString() {
        return file + ":" + line + (column == null ? "" : " column " + column) + ": " + reason;
    }
}
