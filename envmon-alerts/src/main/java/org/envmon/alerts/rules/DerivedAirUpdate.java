package org.envmon.alerts.rules;

import java.time.Instant;
import java.util.Objects;
import org.envmon.alerts.engine.AlertEngine;

/**
 * Derived data for a city: the hourly AQI and its level (HJ 633: 1 excellent ... 6 severe), as the evaluation
 * service computes it. Fed to {@link AlertEngine#derived(DerivedAirUpdate)}.
 *
 * @param hour start of the hour the AQI covers
 */
public record DerivedAirUpdate(String city, Instant hour, int aqi, int level) {
    public DerivedAirUpdate {
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(hour, "hour");
        if (level < 1 || level > 6) {
            throw new IllegalArgumentException("AQI level must be 1 to 6, was " + level);
        }
    }
}
