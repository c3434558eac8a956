package org.envmon.store;

import org.envmon.model.Store;

class DuckDbAccountStoreTest extends AccountStoreContractTest {
    private DuckDbTestDatabase db;

    @Override
    protected Store openFreshStore() {
        db = DuckDbTestDatabase.create();
        return Stores.open(db.storeConfig());
    }

    /** The same database file, opened again. */
    @Override
    protected Store reopenStore() {
        return Stores.open(db.storeConfig());
    }

    @Override
    protected void afterStoreClosed() {
        db.close();
    }
}
