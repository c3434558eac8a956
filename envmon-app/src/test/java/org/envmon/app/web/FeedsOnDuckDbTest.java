package org.envmon.app.web;

import java.nio.file.Path;
import org.envmon.app.RunningPlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The feeds on the embedded store. */
class FeedsOnDuckDbTest extends FeedsContract {
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.duckdb(dir);
        PortalFixture.load(platform);
    }
}
