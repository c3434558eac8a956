package org.envmon.app.web;

import org.envmon.app.RunningPlatform;
import org.envmon.store.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The public's publication delay on PostgreSQL (skipped when it is unreachable, mandatory in CI). */
class PublicDelayOnPostgresTest extends PublicDelayContract {
    static PostgresTestDatabase pg;

    @BeforeAll
    static void start() throws Exception {
        PostgresTestDatabase.assumeAvailable();
        pg = PostgresTestDatabase.create();
        platform = RunningPlatform.postgres(pg.url(), DELAY);
        PortalFixture.load(platform);
    }

    @AfterAll
    static void dropSchema() {
        if (pg != null) {
            stop();
            pg.close();
        }
    }
}
