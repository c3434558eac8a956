package org.envmon.store;

import org.envmon.model.Store;
import org.envmon.model.StoreException;

import java.util.List;
import java.util.Locale;
import org.envmon.store.duckdb.DuckDbEngine;
import org.envmon.store.postgres.PostgresEngine;

/**
 * Opens a store by configuration, applying the engine's migrations first. The only place that knows the engines;
 * callers never branch on the engine.
 */
public final class Stores {
    /** The engine names {@link StoreConfig#engine()} accepts. */
    public static final List<String> ENGINES = List.of(DuckDbEngine.ENGINE, PostgresEngine.ENGINE);

    private Stores() {
    }

    /**
     * @throws IllegalArgumentException for an unknown engine or a configuration the engine cannot use
     * @throws StoreException when the database cannot be opened or migrated
     */
    public static Store open(StoreConfig config) {
        String engine = config.engine().trim().toLowerCase(Locale.ROOT);
        return switch (engine) {
            case DuckDbEngine.ENGINE -> DuckDbEngine.open(config.dataDir());
            case PostgresEngine.ENGINE -> PostgresEngine.open(config.jdbcUrl(), config.user(), config.password());
            default -> throw new IllegalArgumentException(
                    "unknown store engine '" + config.engine() + "'; expected one of " + ENGINES);
        };
    }
}
