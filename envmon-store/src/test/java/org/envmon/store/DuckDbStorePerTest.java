package org.envmon.store;

/**
 * {@link OneStorePerTest} on DuckDB: for the tests of what is built on the store (evaluation, alerts), which any
 * engine serves.
 */
public abstract class DuckDbStorePerTest extends OneStorePerTest {

    @Override
    protected TestDatabase newDatabase() {
        return DuckDbTestDatabase.create();
    }
}
