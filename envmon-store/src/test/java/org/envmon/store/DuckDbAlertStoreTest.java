package org.envmon.store;

class DuckDbAlertStoreTest extends AlertStoreContractTest {
    @Override
    protected TestDatabase newDatabase() {
        return DuckDbTestDatabase.create();
    }
}
