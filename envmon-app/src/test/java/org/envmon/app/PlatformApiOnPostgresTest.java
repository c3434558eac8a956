package org.envmon.app;

import org.envmon.store.PostgresSchemaPerClass;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The API contract on PostgreSQL (skipped when it is unreachable, mandatory in CI). */
class PlatformApiOnPostgresTest extends PlatformApiContract {
    @RegisterExtension
    static final PostgresSchemaPerClass pg = new PostgresSchemaPerClass();

    @BeforeAll
    static void start() throws Exception {
        platform = RunningPlatform.postgres(pg.url());
        load();
    }
}
