package org.envmon.store;

import java.time.Instant;

/**
 * One value to store. {@code flag} is the instrument flag as sent (HJ 212 -Flag: N, F, M, S, D, C, T, B), or null.
 * The raw value is stored as sent and never changed; quality judgements are kept beside it.
 */
public record ObservationRow(
        String siteCode,
        String parameter,
        Interval interval,
        Statistic statistic,
        Instant time,
        double value,
        String flag) {
}
