package org.envmon.model;

/**
 * The embedded store's file is held by another process (DuckDB allows one process per file, even for reading):
 * typically a running {@code envmon serve} or {@code envmon demo}.
 */
public class StoreLockedException extends StoreException {
    private final String holder;

    /**
     * @param file   the database file
     * @param holder the process holding it as the database names it, e.g. "/usr/bin/java (PID 1234)", or null
     */
    public StoreLockedException(String file, String holder, Throwable cause) {
        super("the store " + file + " is in use by another process" + (holder == null ? "" : " (" + holder + ")"),
                cause);
        this.holder = holder;
    }

    /** The process holding the file, as the database names it, or null. */
    public String holder() {
        return holder;
    }
}
