package org.envmon.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import org.envmon.model.AuditRecord;
import org.envmon.model.Store;
import org.envmon.model.VerifyReport;
import org.envmon.store.duckdb.DuckDbEngine;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A store with accounts, tokens and audit records from before V14/V15 (accounts' role list rebuilt on DuckDB, audit
 * chaining started): nothing is lost, older audit records are left uncovered, newer ones are chained.
 */
class DuckDbUpgradeTest {
    final DuckDbTestDatabase db = DuckDbTestDatabase.create();

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void accountsTokensAndAuditSurviveAndNewAuditRecordsAreChained() throws Exception {
        String url = "jdbc:duckdb:" + db.dataDir().resolve(DuckDbEngine.FILE_NAME);
        Flyway.configure(getClass().getClassLoader()).dataSource(url, null, null)
                .locations("classpath:db/migration/duckdb").target("10").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("INSERT INTO accounts VALUES ('root', '{bcrypt}x', 'admin', 'national', NULL, TRUE,"
                    + " TIMESTAMPTZ '2026-07-01 00:00:00+00')");
            st.execute("INSERT INTO api_tokens VALUES (nextval('api_tokens_id_seq'), 'ci', 'hash-ci', 'root', 'admin',"
                    + " TIMESTAMPTZ '2026-07-01 00:00:00+00', NULL, NULL, FALSE)");
            st.execute("INSERT INTO audit_log VALUES (nextval('audit_log_id_seq'), TIMESTAMPTZ '2026-07-01"
                    + " 00:00:00+00', 'root', 'login.success', '/login', '127.0.0.1', 'ok')");
        }
        try (Store store = Stores.open(db.storeConfig())) {
            assertThat(store.accounts().user("root").orElseThrow().role()).isEqualTo("admin");
            assertThat(store.accounts().tokenByHash("hash-ci").orElseThrow().owner()).isEqualTo("root");
            assertThat(store.audit().list(null, null, null, 10)).hasSize(1);
            AuditRecord later = store.audit().append(new AuditRecord(0, Instant.parse("2026-07-02T00:00:00Z"),
                    "root", "POST /api/v1/tokens", "/api/v1/tokens", "127.0.0.1", "201"));
            assertThat(later.id()).isEqualTo(2);
            VerifyReport r = store.chain().verify();
            assertThat(r.state()).as(r.summary()).isEqualTo(VerifyReport.State.INTACT);
            assertThat(r.records()).isEqualTo(1);
        }
    }
}
