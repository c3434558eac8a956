package org.envmon.store.duckdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.duckdb.DuckDBConnection;
import org.envmon.model.Store;
import org.envmon.model.StoreException;
import org.envmon.model.StoreLockedException;
import org.envmon.store.jdbc.ConnectionSource;
import org.envmon.store.jdbc.JdbcStore;
import org.envmon.store.jdbc.Migrations;

/**
 * The embedded engine: one database file {@code <dataDir>/envmon.duckdb}, opened once per process. Every reader
 * gets its own connection duplicated from that one instance (DuckDB's MVCC lets them read while the writer appends);
 * the single writer keeps its own connection. A DuckDB file allows one writing process at a time (DuckDB locks the
 * file), which is what lets the writer number packets with an in-process counter.
 */
public final class DuckDbEngine {
    public static final String ENGINE = "duckdb";
    public static final String FILE_NAME = "envmon.duckdb";
    /**
     * WAL size at which a commit folds the WAL into the database file. DuckDB's 16MB default made the writer stall
     * in a checkpoint every ~150,000 values; 64MB measured ~1.8x the sustained write throughput with stalls of
     * about a second. Larger values trade longer (rarer) stalls and longer crash recovery for throughput.
     */
    public static final String DEFAULT_CHECKPOINT_THRESHOLD = "64MB";
    /** System property overriding {@link #DEFAULT_CHECKPOINT_THRESHOLD}, e.g. {@code -Denvmon.duckdb.checkpointThreshold=256MB}. */
    public static final String CHECKPOINT_THRESHOLD_PROPERTY = "envmon.duckdb.checkpointThreshold";

    /** Packet ids (and chain seqs) per verification query: each range is read as one materialised result. */
    static final long VERIFY_CHUNK = 50_000;
    /** DuckDB's lock error names the holder: "Conflicting lock is held in /usr/bin/java (PID 1234)". */
    private static final java.util.regex.Pattern LOCK_HOLDER =
            java.util.regex.Pattern.compile("lock is held in (.+? \\(PID \\d+\\))");

    private DuckDbEngine() {
    }

    public static Store open(Path dataDir) {
        if (dataDir == null) {
            throw new IllegalArgumentException("the duckdb engine needs a data directory (dataDir)");
        }
        Path file = dataDir.toAbsolutePath().resolve(FILE_NAME);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new StoreException("cannot create data directory " + file.getParent() + ": " + e.getMessage(), e);
        }
        DuckDBConnection root;
        try {
            Properties props = new Properties();
            props.setProperty("checkpoint_threshold",
                    System.getProperty(CHECKPOINT_THRESHOLD_PROPERTY, DEFAULT_CHECKPOINT_THRESHOLD));
            root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file, props);
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Could not set lock")) {
                java.util.regex.Matcher held = LOCK_HOLDER.matcher(message);
                throw new StoreLockedException(file.toString(), held.find() ? held.group(1) : null, e);
            }
            throw new StoreException("cannot open DuckDB database " + file + ": " + message, e);
        }
        Connections connections = new Connections(root);
        try {
            Migrations.migrate(Migrations.dataSource(connections), "db/migration/duckdb", null);
            checkpoint(connections);
            DuckDbObservationStore observations = new DuckDbObservationStore(connections);
            return new JdbcStore(ENGINE, connections, observations, observations, false, VERIFY_CHUNK,
                    new DuckDbDerivedStore(connections));
        } catch (RuntimeException e) {
            connections.close();
            throw e;
        }
    }

    /**
     * Folds the migrations' WAL into the file before any data is written. DuckDB 1.5.6 cannot replay a WAL holding
     * an {@code ALTER TABLE ... ADD COLUMN} on a table with a {@code DEFAULT current_timestamp} column (V3 on
     * {@code sites}): a crash before the next automatic checkpoint would leave the file unopenable.
     */
    private static void checkpoint(Connections connections) {
        try (java.sql.Connection c = connections.connect(); java.sql.Statement st = c.createStatement()) {
            st.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new StoreException("checkpoint after migrating failed: " + e.getMessage(), e);
        }
    }

    /** Connections duplicated from the one database instance of the file. */
    static final class Connections implements ConnectionSource {
        private final DuckDBConnection root;

        Connections(DuckDBConnection root) {
            this.root = root;
        }

        @Override
        public Connection connect() throws SQLException {
            return root.duplicate();
        }

        DuckDBConnection duplicate() throws SQLException {
            return root.duplicate();
        }

        @Override
        public void close() {
            try {
                root.close();
            } catch (SQLException e) {
                throw new StoreException("closing DuckDB failed: " + e.getMessage(), e);
            }
        }
    }
}
