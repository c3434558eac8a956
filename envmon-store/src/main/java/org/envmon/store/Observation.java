package org.envmon.store;

import java.time.Instant;

/** A stored value as read back. {@code packetId} refers to the raw packet it came from. */
public record Observation(
        String siteCode,
        String parameter,
        Interval interval,
        Statistic statistic,
        Instant time,
        double value,
        String flag,
        Instant receivedAt,
        long packetId) {
}
