package org.envmon.store;

import org.envmon.model.Store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A throw-away data directory for a DuckDB store; {@link #close()} deletes it (close the store first).
 *
 * <pre>{@code
 * try (DuckDbTestDatabase db = DuckDbTestDatabase.create(); Store store = Stores.open(db.storeConfig())) { ... }
 * }</pre>
 */
public final class DuckDbTestDatabase implements TestDatabase {
    private final Path dir;

    private DuckDbTestDatabase(Path dir) {
        this.dir = dir;
    }

    public static DuckDbTestDatabase create() {
        try {
            return new DuckDbTestDatabase(Files.createTempDirectory("envmon-duckdb-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dataDir() {
        return dir;
    }

    public StoreConfig storeConfig() {
        return StoreConfig.duckdb(dir);
    }

    @Override
    public void close() {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
