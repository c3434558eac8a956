package org.envmon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LogThrottleTest {

    @Test
    void theFirstLineIsLoggedThenOnePerIntervalWithTheCountSuppressed() {
        AtomicLong now = new AtomicLong();
        LogThrottle t = new LogThrottle(1_000, now::get);
        assertThat(t.admit("10.0.0.1", "wrong_password")).isZero();
        for (int i = 0; i < 500; i++) {
            assertThat(t.admit("10.0.0.1", "wrong_password")).isEqualTo(-1);
        }
        // another peer, or another kind, has its own allowance
        assertThat(t.admit("10.0.0.2", "wrong_password")).isZero();
        assertThat(t.admit("10.0.0.1", "unknown_mn")).isZero();
        now.set(1_000);
        assertThat(t.admit("10.0.0.1", "wrong_password")).isEqualTo(500);
        assertThat(t.admit("10.0.0.1", "wrong_password")).isEqualTo(-1);
        now.set(5_000);
        assertThat(t.admit("10.0.0.1", "wrong_password")).isEqualTo(1);
    }
}
