package org.envmon.app.web;

import org.envmon.app.PlatformPerClass;
import org.envmon.app.RunningPlatform;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The feeds on the embedded store. */
class FeedsOnDuckDbTest extends FeedsContract {
    @RegisterExtension
    static final PlatformPerClass<RunningPlatform> started = PlatformPerClass.duckdb().then(FeedsContract::load);
}
