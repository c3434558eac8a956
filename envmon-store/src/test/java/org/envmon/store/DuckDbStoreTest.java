package org.envmon.store;

import org.envmon.model.Store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class DuckDbStoreTest extends StoreContractTest<DuckDbTestDatabase> {

    DuckDbStoreTest() {
        super(DuckDbTestDatabase::create);
    }

    /** DuckDB allows one process per file: the store is closed, the SQL run over plain JDBC, the store reopened. */
    @Override
    protected void tamper(String... sql) {
        store.close();
        store = null;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.dataDir().resolve("envmon.duckdb"));
                Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        store = Stores.open(db.storeConfig());
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
