package org.envmon.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.envmon.app.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform refuses to listen beyond loopback without an admin account, and starts there once one exists; on
 * loopback it starts without one (as the tests and the demo do).
 */
class ExposureGuardTest {
    @TempDir
    Path dir;

    @Test
    void refusesEveryInterfaceWithoutAnAdminAndStartsOnceOneExists() {
        List<String> everywhere = List.of("envmon.data-dir=" + dir, "server.address=0.0.0.0");
        assertThatThrownBy(() -> RunningPlatform.start(everywhere).close())
                .hasStackTraceContaining("refusing to listen beyond loopback (HTTP on 0.0.0.0) without an admin"
                        + " account");
        List<String> gatewayEverywhere = List.of("envmon.data-dir=" + dir, "envmon.hj212.host=0.0.0.0");
        assertThatThrownBy(() -> RunningPlatform.start(gatewayEverywhere).close())
                .hasStackTraceContaining("(HJ 212 on 0.0.0.0)");

        try (RunningPlatform loopback = RunningPlatform.start(List.of("envmon.data-dir=" + dir))) {
            loopback.adminToken();
        }
        try (RunningPlatform exposed = RunningPlatform.start(everywhere)) {
            assertThat(exposed.httpPort).isPositive();
        }
    }

    @Test
    void loopbackNamesAreLoopback() {
        assertThat(ExposureGuard.loopback("127.0.0.1")).isTrue();
        assertThat(ExposureGuard.loopback("localhost")).isTrue();
        assertThat(ExposureGuard.loopback("::1")).isTrue();
        assertThat(ExposureGuard.loopback("0.0.0.0")).isFalse();
        assertThat(ExposureGuard.loopback(null)).isFalse();
        assertThat(ExposureGuard.loopback("no-such-host.invalid")).isFalse();
    }
}
