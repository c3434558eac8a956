package org.envmon.store;

/** An opened store: its sites and observations. Close it to release the database. */
public interface Store extends AutoCloseable {
    SiteStore sites();

    ObservationStore observations();

    /** "duckdb" or "postgres". */
    String engine();

    @Override
    void close();
}
