package org.envmon.app;


import org.envmon.store.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The API contract on PostgreSQL (skipped when it is unreachable, mandatory in CI). */
class PlatformApiOnPostgresTest extends PlatformApiContract {
    static PostgresTestDatabase pg;

    @BeforeAll
    static void start() throws Exception {
        PostgresTestDatabase.assumeAvailable();
        pg = PostgresTestDatabase.create();
        platform = RunningPlatform.postgres(pg.url());
        load();
    }

    @AfterAll
    static void dropSchema() {
        if (pg != null) {
            stop();
            pg.close();
        }
    }
}
