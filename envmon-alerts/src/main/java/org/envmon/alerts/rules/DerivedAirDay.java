package org.envmon.alerts.rules;

import java.time.LocalDate;
import java.util.Objects;
import org.envmon.alerts.engine.AlertEngine;

/**
 * Derived data for a city: the daily AQI of one day (Beijing-time calendar day, HJ 633 daily report) and its level
 * (1 excellent ... 6 severe), as the evaluation service computes it. Fed to
 * {@link AlertEngine#derivedDay(DerivedAirDay)}. The same day may be sent again with a new value (late data, the final
 * value replacing the running one): rules treat the latest send of a day as its value.
 *
 * @param provisional true for the running value of a day not yet complete (today), false for the final value
 */
public record DerivedAirDay(String city, LocalDate day, int aqi, int level, boolean provisional) {
    public DerivedAirDay {
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(day, "day");
        if (aqi < 0) {
            throw new IllegalArgumentException("AQI must not be negative, was " + aqi);
        }
        if (level < 1 || level > 6) {
            throw new IllegalArgumentException("AQI level must be 1 to 6, was " + level);
        }
    }
}
