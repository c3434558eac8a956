package org.envmon.gateway;

import java.time.Duration;

/**
 * How many failed station authentications (unknown MN, wrong PW) one peer address may make per minute before the
 * gateway refuses that address at connect for {@code ban}: a station that keeps failing cannot flood the log or the
 * gateway, and password guessing over the six-character PW of HJ 212-2017 §6.3.2 becomes slow.
 *
 * @param failuresPerMinute failures tolerated per address and minute; 0 = never ban
 */
public record AuthFailureLimit(int failuresPerMinute, Duration ban) {
    public static final AuthFailureLimit OFF = new AuthFailureLimit(0, Duration.ZERO);

    public AuthFailureLimit {
        if (failuresPerMinute < 0 || ban == null || ban.isNegative()) {
            throw new IllegalArgumentException("failuresPerMinute must be >= 0 and ban a positive duration");
        }
    }

    public boolean enabled() {
        return failuresPerMinute > 0 && !ban.isZero();
    }
}
