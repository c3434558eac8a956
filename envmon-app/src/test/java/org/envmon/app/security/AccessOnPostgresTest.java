package org.envmon.app.security;

import org.envmon.store.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Access on PostgreSQL (skipped when it is unreachable, unless ENVMON_REQUIRE_POSTGRES is set). */
class AccessOnPostgresTest extends AccessContract {
    static PostgresTestDatabase pg;

    @BeforeAll
    static void startPlatform() throws Exception {
        pg = PostgresTestDatabase.create();
        start(java.nio.file.Files.createTempDirectory("envmon-access"), "envmon.store=postgres",
                "envmon.jdbc-url=" + pg.url(), "envmon.data-dir=" + java.nio.file.Files.createTempDirectory(
                        "envmon-access-data"));
    }

    @AfterAll
    static void dropDatabase() {
        stop();
        if (pg != null) {
            pg.close();
        }
    }
}
