package org.envmon.store;

/** A throw-away database of one engine for a test: its store configuration, dropped on close. */
public interface TestDatabase extends AutoCloseable {
    StoreConfig storeConfig();

    @Override
    void close();
}
