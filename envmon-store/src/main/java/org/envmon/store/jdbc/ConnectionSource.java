package org.envmon.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Hands out connections to one database, in auto-commit mode. The caller closes each connection it gets. */
public interface ConnectionSource extends AutoCloseable {

    Connection connect() throws SQLException;

    /** Releases the database (pool, embedded instance). */
    @Override
    void close();
}
