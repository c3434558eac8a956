package org.envmon.app.security;

import org.envmon.app.PlatformPerClass;
import org.envmon.app.RunningPlatform;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Access on PostgreSQL (skipped when it is unreachable, unless ENVMON_REQUIRE_POSTGRES is set). */
class AccessOnPostgresTest extends AccessContract {
    @RegisterExtension
    static final PlatformPerClass<RunningPlatform> started = on(PlatformPerClass.postgres());
}
