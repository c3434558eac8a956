package org.envmon.app.evaluation;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation API on the embedded store. */
class EvaluationApiOnDuckDbTest extends EvaluationApiContract {
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        platform = EvaluationPlatform.duckdb(dir);
        load();
    }
}
