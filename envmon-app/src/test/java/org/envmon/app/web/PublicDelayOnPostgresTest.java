package org.envmon.app.web;

import org.envmon.app.PlatformPerClass;
import org.envmon.app.RunningPlatform;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The public's publication delay on PostgreSQL (skipped when it is unreachable, mandatory in CI). */
class PublicDelayOnPostgresTest extends PublicDelayContract {
    @RegisterExtension
    static final PlatformPerClass<RunningPlatform> started = PlatformPerClass.postgres(DELAY).then(PublicDelayContract::load);
}
