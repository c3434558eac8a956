package org.envmon.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Values of one site and parameter, oldest first, {@code from} inclusive and {@code to} exclusive. When the same
 * (time, statistic) was stored more than once (from different packets) the latest received wins.
 */
public record ObservationQuery(
        String siteCode,
        String parameter,
        Interval interval,
        Statistic statistic,
        Instant from,
        Instant to,
        int limit) {

    public ObservationQuery {
        Objects.requireNonNull(siteCode);
        Objects.requireNonNull(parameter);
        Objects.requireNonNull(interval);
        Objects.requireNonNull(statistic);
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }
}
