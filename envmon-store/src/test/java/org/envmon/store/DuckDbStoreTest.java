package org.envmon.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class DuckDbStoreTest extends StoreContractTest {
    private DuckDbTestDatabase db;

    @Override
    protected Store openFreshStore() {
        db = DuckDbTestDatabase.create();
        return Stores.open(db.storeConfig());
    }

    @Override
    protected Store reopenStore() {
        return Stores.open(db.storeConfig());
    }

    @Override
    protected void afterStoreClosed() {
        db.close();
    }

    @Test
    void theDatabaseIsOneFileInTheDataDirectoryWhichIsCreatedWhenMissing() {
        try (DuckDbTestDatabase other = DuckDbTestDatabase.create()) {
            StoreConfig nested = StoreConfig.duckdb(other.dataDir().resolve("a/b"));
            try (Store s = Stores.open(nested)) {
                assertThat(s.engine()).isEqualTo("duckdb");
            }
            assertThat(Files.isRegularFile(other.dataDir().resolve("a/b/envmon.duckdb"))).isTrue();
        }
        assertThat(store.engine()).isEqualTo("duckdb");
    }
}
