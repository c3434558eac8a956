package org.envmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API contract on the embedded DuckDB store. */
class PlatformApiOnDuckDbTest extends PlatformApiContract {
    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() throws Exception {
        platform = RunningPlatform.duckdb(dataDir);
        load();
    }

    @Test
    void keepsItsFileInTheDataDirectory() {
        assertThat(Files.exists(dataDir.resolve("envmon.duckdb"))).isTrue();
    }
}
