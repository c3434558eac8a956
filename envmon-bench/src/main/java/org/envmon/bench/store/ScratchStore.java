package org.envmon.bench.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.envmon.store.StoreConfig;

/**
 * Where a store benchmark writes on one engine: a temporary DuckDB directory {@code dir}, or a temporary
 * {@code schema} of the PostgreSQL database at {@code pgUrl}; {@link #close()} removes it.
 */
record ScratchStore(StoreConfig config, Path dir, String pgUrl, String schema) implements AutoCloseable {

    /** @param engine duckdb or postgres */
    static ScratchStore create(String engine, String pgUrl) throws IOException, SQLException {
        if (engine.equals("duckdb")) {
            Path dir = Files.createTempDirectory("envmon-bench-");
            return new ScratchStore(StoreConfig.duckdb(dir), dir, pgUrl, null);
        }
        if (engine.equals("postgres")) {
            String schema = "envmon_bench_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
            sql(pgUrl, "CREATE SCHEMA " + schema);
            return new ScratchStore(StoreConfig.postgres(pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema="
                    + schema), null, pgUrl, schema);
        }
        throw new IllegalArgumentException("unknown engine " + engine);
    }

    @Override
    public void close() throws SQLException {
        if (dir != null) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (schema != null) {
            sql(pgUrl, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static void sql(String url, String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }
}
