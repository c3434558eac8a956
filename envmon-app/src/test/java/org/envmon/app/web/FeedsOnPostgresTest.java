package org.envmon.app.web;

import org.envmon.app.RunningPlatform;
import org.envmon.store.PostgresSchemaPerClass;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The feeds on PostgreSQL (skipped when it is unreachable, mandatory in CI). */
class FeedsOnPostgresTest extends FeedsContract {
    @RegisterExtension
    static final PostgresSchemaPerClass pg = new PostgresSchemaPerClass();

    @BeforeAll
    static void start() throws Exception {
        platform = RunningPlatform.postgres(pg.url());
        PortalFixture.load(platform);
    }
}
