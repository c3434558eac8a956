package org.envmon.store;

/**
 * Opens a store by configuration, applying the engine's migrations first. The only place that knows the engines;
 * callers never branch on the engine.
 */
public final class Stores {
    private Stores() {
    }

    public static Store open(StoreConfig config) {
        // Implemented by the store engines (see duckdb/ and postgres/ packages).
        throw new UnsupportedOperationException("engine not implemented yet: " + config.engine());
    }
}
