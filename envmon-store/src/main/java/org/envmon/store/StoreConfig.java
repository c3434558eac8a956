package org.envmon.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Which store to open. {@code duckdb}: a file {@code envmon.duckdb} under {@code dataDir}.
 * {@code postgres}: {@code jdbcUrl} (user/password may be in the URL or given here).
 */
public record StoreConfig(String engine, Path dataDir, String jdbcUrl, String user, String password) {
    public StoreConfig {
        Objects.requireNonNull(engine, "engine");
    }

    public static StoreConfig duckdb(Path dataDir) {
        return new StoreConfig("duckdb", dataDir, null, null, null);
    }

    public static StoreConfig postgres(String jdbcUrl) {
        return new StoreConfig("postgres", null, jdbcUrl, null, null);
    }
}
