package org.envmon.model;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Which completeness figures to compute: sites (null or empty = every registered site), the parameter set (at
 * least one), the interval whose values are counted (HOUR, MINUTE or DAY; REALTIME has no fixed cadence), days
 * {@code from} inclusive to {@code to} exclusive, counted in {@code zone} (China: {@link #CHINA}).
 */
public record CompletenessQuery(
        List<String> siteCodes,
        List<String> parameters,
        Interval interval,
        LocalDate from,
        LocalDate to,
        ZoneId zone) {

    /** China Standard Time, the day boundary of Chinese monitoring statistics. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public CompletenessQuery {
        siteCodes = siteCodes == null ? List.of() : List.copyOf(siteCodes);
        Objects.requireNonNull(parameters, "parameters");
        parameters = List.copyOf(parameters);
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("at least one parameter is needed");
        }
        interval = interval == null ? Interval.HOUR : interval;
        if (interval == Interval.REALTIME) {
            throw new IllegalArgumentException("completeness needs a fixed cadence: hour, minute or day, not realtime");
        }
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("empty day range: from " + from + " must be before to " + to);
        }
        zone = zone == null ? CHINA : zone;
    }

    /** Hourly values, China days. */
    public static CompletenessQuery hourly(List<String> siteCodes, List<String> parameters, LocalDate from,
            LocalDate to) {
        return new CompletenessQuery(siteCodes, parameters, Interval.HOUR, from, to, CHINA);
    }
}
