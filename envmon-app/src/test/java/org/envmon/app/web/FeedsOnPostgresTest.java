package org.envmon.app.web;

import org.envmon.app.PlatformPerClass;
import org.envmon.app.RunningPlatform;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The feeds on PostgreSQL (skipped when it is unreachable, mandatory in CI). */
class FeedsOnPostgresTest extends FeedsContract {
    @RegisterExtension
    static final PlatformPerClass<RunningPlatform> started = PlatformPerClass.postgres().then(FeedsContract::load);
}
