package org.envmon.app.evaluation;

import org.envmon.store.PostgresSchemaPerClass;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The evaluation API on PostgreSQL (skipped when it is unreachable, unless ENVMON_REQUIRE_POSTGRES is set). */
class EvaluationApiOnPostgresTest extends EvaluationApiContract {
    @RegisterExtension
    static final PostgresSchemaPerClass pg = new PostgresSchemaPerClass();

    @BeforeAll
    static void start() throws Exception {
        platform = EvaluationPlatform.postgres(pg.url());
        load();
    }
}
