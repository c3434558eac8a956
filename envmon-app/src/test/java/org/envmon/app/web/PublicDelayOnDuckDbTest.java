package org.envmon.app.web;

import org.envmon.app.PlatformPerClass;
import org.envmon.app.RunningPlatform;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The public's publication delay on the embedded store. */
class PublicDelayOnDuckDbTest extends PublicDelayContract {
    @RegisterExtension
    static final PlatformPerClass<RunningPlatform> started = PlatformPerClass.duckdb(DELAY).then(PublicDelayContract::load);
}
