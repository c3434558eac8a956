package org.envmon.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Derived air data kept current by the recompute worker: the hourly and daily AQI of every air station and
 * city, with the concentrations they were computed from, and the late data waiting for a recompute. Engine-neutral:
 * rows go in as whole replacements of a station's or city's hour and day ranges (delete + bulk insert in one
 * transaction), so a recompute never leaves a mix of old and new rows.
 *
 * <p>Hours are kept per station or city and evaluation day: the natural day in Beijing time ({@link #DAY_ZONE},
 * HJ 663 §4), 24 hours each (no daylight saving). Hour ranges of a replacement therefore start and end at a Beijing
 * midnight.
 *
 * <p>Values are in thousandths of the reported unit (µg/m³; CO mg/m³), {@code -1} = missing. Pollutant order: SO2,
 * NO2, PM10, PM2.5, CO, O3 (the evaluation module's order); daily indicators add the O3 daily maximum 8-h mean (5)
 * and the O3 daily maximum 1-h value (6).
 */
public interface DerivedStore {

    /** The zone of the evaluation day (Beijing time, UTC+8). */
    java.time.ZoneOffset DAY_ZONE = org.envmon.model.BeijingTime.OFFSET;

    /** Whose row. */
    enum Scope {
        STATION("station"), CITY("city");

        private final String code;

        Scope(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** Values of an hour (the six pollutants and the O3 8-h moving mean), daily indicators of a day. */
    int HOUR_VALUES = 7;
    /** Index of the O3 8-h moving mean (HJ 663: 8 consecutive hours ending at this one, ≥ 6 valid) in an hour. */
    int O3_8H = 6;
    /** Pollutants (valid-hour counts of a day). */
    int POLLUTANTS = 6;
    int DAY_VALUES = 7;

    /**
     * One hour of a station or city.
     *
     * @param aqi         hourly AQI, −1 when none
     * @param primaryMask primary pollutants by pollutant index (bit p), 0 when AQI ≤ 50
     * @param stations    stations averaged (1 for a station, 0 when no value)
     * @param values      the six hourly concentrations scored and the O3 8-h moving mean ({@link #O3_8H}), milli,
     *                    −1 missing
     */
    record Hour(Scope scope, String code, Instant start, int aqi, int primaryMask, int stations, long[] values) {
        public Hour {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(start, "start");
            if (values.length != HOUR_VALUES) {
                throw new IllegalArgumentException("an hour has " + HOUR_VALUES + " values");
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Hour h && scope == h.scope && code.equals(h.code) && start.equals(h.start)
                    && aqi == h.aqi && primaryMask == h.primaryMask && stations == h.stations
                    && Arrays.equals(values, h.values);
        }

        @Override
        public int hashCode() {
            return Objects.hash(scope, code, start, aqi) * 31 + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Hour[" + scope.code() + " " + code + " " + start + " aqi=" + aqi + " mask=" + primaryMask
                    + " stations=" + stations + " " + Arrays.toString(values) + "]";
        }
    }

    /**
     * One natural (Beijing) day of a station or city.
     *
     * @param values     the seven daily indicators, milli, −1 when the day is not valid for it
     * @param validHours valid hourly values per pollutant that day (for a city: the city hours)
     * @param o3Windows  valid O3 8-h windows that day
     */
    record Day(Scope scope, String code, LocalDate day, int aqi, int primaryMask, int stations, long[] values,
            int[] validHours, int o3Windows) {
        public Day {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(day, "day");
            if (values.length != DAY_VALUES || validHours.length != POLLUTANTS) {
                throw new IllegalArgumentException("a day has " + DAY_VALUES + " values and " + POLLUTANTS
                        + " valid-hour counts");
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Day d && scope == d.scope && code.equals(d.code) && day.equals(d.day)
                    && aqi == d.aqi && primaryMask == d.primaryMask && stations == d.stations
                    && Arrays.equals(values, d.values) && Arrays.equals(validHours, d.validHours)
                    && o3Windows == d.o3Windows;
        }

        @Override
        public int hashCode() {
            return Objects.hash(scope, code, day, aqi) * 31 + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Day[" + scope.code() + " " + code + " " + day + " aqi=" + aqi + " mask=" + primaryMask
                    + " stations=" + stations + " " + Arrays.toString(values) + " hours="
                    + Arrays.toString(validHours) + " o3w=" + o3Windows + "]";
        }
    }

    /**
     * Replaces the hours starting in [{@code fromHour}, {@code toHour}) and the days {@code fromDay … toDay}
     * (inclusive) of one station or city by the rows given (which must lie inside those ranges). Either range may be
     * null (then that kind is untouched).
     */
    record Replacement(Scope scope, String code, Instant fromHour, Instant toHour, List<Hour> hours,
            LocalDate fromDay, LocalDate toDay, List<Day> days) {
        public Replacement {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(code, "code");
            hours = hours == null ? List.of() : hours;
            days = days == null ? List.of() : days;
            if ((fromHour == null) != (toHour == null) || (fromDay == null) != (toDay == null)) {
                throw new IllegalArgumentException("give both ends of a range or neither");
            }
            if (fromHour != null && (!isMidnight(fromHour) || !isMidnight(toHour))) {
                throw new IllegalArgumentException("an hour range must start and end at a Beijing midnight: "
                        + fromHour + " … " + toHour);
            }
            for (Hour h : hours) {
                if (fromHour == null || h.start().isBefore(fromHour) || !h.start().isBefore(toHour)
                        || h.scope() != scope || !h.code().equals(code)) {
                    throw new IllegalArgumentException("hour outside the replaced range: " + h);
                }
            }
            for (Day d : days) {
                if (fromDay == null || d.day().isBefore(fromDay) || d.day().isAfter(toDay) || d.scope() != scope
                        || !d.code().equals(code)) {
                    throw new IllegalArgumentException("day outside the replaced range: " + d);
                }
            }
        }
    }

    /** Whether {@code t} is 00:00 Beijing time. */
    static boolean isMidnight(Instant t) {
        return Math.floorMod(t.getEpochSecond() + DAY_ZONE.getTotalSeconds(), 86_400L) == 0 && t.getNano() == 0;
    }

    /** The Beijing day an hour (interval start) belongs to. */
    static LocalDate dayOf(Instant t) {
        return java.time.LocalDateTime.ofInstant(t, DAY_ZONE).toLocalDate();
    }

    /** Applies the replacements in one transaction. */
    void replace(List<Replacement> batch);

    /**
     * A bulk rebuild in one transaction: {@link #replaceAll} first deletes every row (all codes, both scopes) of the
     * hours [fromHour, toHour) (Beijing midnights) and the days fromDay … toDay, then {@link #add} appends rows, and {@link #commit}
     * makes them visible at once. One range delete instead of one per code: the national rebuild of a year.
     * Closing without commit rolls back.
     */
    interface BulkReplace extends AutoCloseable {
        /** Appends the rows of these replacements (their ranges must lie inside the bulk's). */
        void add(List<Replacement> batch);

        void commit();

        @Override
        void close();
    }

    /** Starts a {@link BulkReplace} (see there); other writes wait until it is closed. */
    BulkReplace replaceAll(Instant fromHour, Instant toHour, LocalDate fromDay, LocalDate toDay);

    /**
     * Hours of the given stations or cities ({@code codes} null = all) starting in [from, to), ordered by code and
     * time, streamed to {@code sink} on the calling thread.
     */
    void hours(Scope scope, Collection<String> codes, Instant from, Instant to, Consumer<Hour> sink);

    /** Days {@code from … to} (inclusive), ordered by code and day; {@code codes} null = all. */
    void days(Scope scope, Collection<String> codes, LocalDate from, LocalDate to, Consumer<Day> sink);

    /** Stored rows of a scope: [station- or city-days with hourly slots, daily rows]. */
    long[] count(Scope scope);

    /**
     * Late data: an hour of a site that arrived after the live recompute window. Stored and flagged, recomputed by
     * command ({@code envmon recompute}).
     */
    record Late(String site, Instant hour, Instant receivedAt) {
        public Late {
            Objects.requireNonNull(site, "site");
            Objects.requireNonNull(hour, "hour");
            Objects.requireNonNull(receivedAt, "receivedAt");
        }
    }

    /** Flags late hours (an hour already flagged keeps its first arrival time). */
    void markLate(Collection<Late> late);

    /** Flagged hours not recomputed yet, oldest hour first, at most {@code limit}. */
    List<Late> late(int limit);

    /** Clears the flags of hours in [from, to) (all sites), after they were recomputed; returns how many. */
    long clearLate(Instant from, Instant to);
}
