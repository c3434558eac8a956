package org.envmon.app;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The API contract on PostgreSQL (skipped when it is unreachable, mandatory in CI). */
class PlatformApiOnPostgresTest extends PlatformApiContract {
    @RegisterExtension
    static final PlatformPerClass<RunningPlatform> started = PlatformPerClass.postgres().then(PlatformApiContract::load);
}
