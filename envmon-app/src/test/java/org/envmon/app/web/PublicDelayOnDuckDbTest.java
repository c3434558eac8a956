package org.envmon.app.web;

import java.nio.file.Path;
import org.envmon.app.RunningPlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The public's publication delay on the embedded store. */
class PublicDelayOnDuckDbTest extends PublicDelayContract {
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.duckdb(dir, DELAY);
        PortalFixture.load(platform);
    }
}
