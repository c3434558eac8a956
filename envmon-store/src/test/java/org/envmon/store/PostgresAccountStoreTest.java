package org.envmon.store;

import org.envmon.model.Store;

class PostgresAccountStoreTest extends AccountStoreContractTest {
    private PostgresTestDatabase db;

    @Override
    protected Store openFreshStore() {
        db = PostgresTestDatabase.create();
        return Stores.open(db.storeConfig());
    }

    /** A new pool over the same schema. */
    @Override
    protected Store reopenStore() {
        return Stores.open(db.storeConfig());
    }

    @Override
    protected void afterStoreClosed() {
        if (db != null) {
            db.close();
        }
    }
}
