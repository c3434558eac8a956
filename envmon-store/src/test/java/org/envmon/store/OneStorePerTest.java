package org.envmon.store;

import org.envmon.model.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh, empty, migrated store for every test, on the engine of {@link #newDatabase()}; {@link #reopen()} opens the
 * same database again, to show what survives a restart. The contract suites of one part of the store extend it, and
 * an engine's test only names its database.
 */
public abstract class OneStorePerTest {
    protected Store store;
    private TestDatabase db;

    /** A new database of the engine under test (DuckDbTestDatabase, PostgresTestDatabase). */
    protected abstract TestDatabase newDatabase();

    @BeforeEach
    void openStore() {
        db = newDatabase();
        store = Stores.open(db.storeConfig());
    }

    /** Closes the store and opens the same database again (DuckDB: the same file; PostgreSQL: a new pool). */
    protected void reopen() {
        store.close();
        store = null;
        store = Stores.open(db.storeConfig());
    }

    @AfterEach
    void closeStore() {
        try {
            if (store != null) {
                store.close();
            }
        } finally {
            store = null;
            if (db != null) {
                db.close();
            }
        }
    }
}
