package org.envmon.store;

class PostgresAccountStoreTest extends AccountStoreContractTest {
    @Override
    protected TestDatabase newDatabase() {
        return PostgresTestDatabase.create();
    }
}
