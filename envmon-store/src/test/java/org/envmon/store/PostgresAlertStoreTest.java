package org.envmon.store;

class PostgresAlertStoreTest extends AlertStoreContractTest {
    @Override
    protected TestDatabase newDatabase() {
        return PostgresTestDatabase.create();
    }
}
