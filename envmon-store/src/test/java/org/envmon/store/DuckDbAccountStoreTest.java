package org.envmon.store;

class DuckDbAccountStoreTest extends AccountStoreContractTest {
    @Override
    protected TestDatabase newDatabase() {
        return DuckDbTestDatabase.create();
    }
}
