package org.envmon.app.evaluation;

import org.envmon.store.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The evaluation API on PostgreSQL (skipped when it is unreachable, unless ENVMON_REQUIRE_POSTGRES is set). */
class EvaluationApiOnPostgresTest extends EvaluationApiContract {
    static PostgresTestDatabase pg;

    @BeforeAll
    static void start() throws Exception {
        PostgresTestDatabase.assumeAvailable();
        pg = PostgresTestDatabase.create();
        platform = EvaluationPlatform.postgres(pg.url());
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
