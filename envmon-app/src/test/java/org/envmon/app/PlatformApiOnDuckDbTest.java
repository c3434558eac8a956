package org.envmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The API contract on the embedded DuckDB store. */
class PlatformApiOnDuckDbTest extends PlatformApiContract {
    @RegisterExtension
    static final PlatformPerClass<RunningPlatform> started = PlatformPerClass.duckdb().then(PlatformApiContract::load);

    @Test
    void keepsItsFileInTheDataDirectory() {
        assertThat(Files.exists(started.dir().resolve("envmon.duckdb"))).isTrue();
    }
}
