package org.envmon.standards.noise;

import java.time.LocalTime;
import java.util.Objects;

/**
 * Day (昼间) 06:00–22:00 and night (夜间) 22:00–06:00, GB 3096-2008 §3 (digest §7). Decision: the interval is
 * half-open, so 06:00 is day and 22:00 is night. The local government may move the split; use
 * {@link #of(LocalTime, LocalTime, LocalTime)} then.
 */
public enum NoisePeriod {
    DAY("昼间"),
    NIGHT("夜间");

    /** Default start of the day period. */
    public static final LocalTime DAY_START = LocalTime.of(6, 0);
    /** Default start of the night period. */
    public static final LocalTime NIGHT_START = LocalTime.of(22, 0);

    private final String label;

    NoisePeriod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Period of a clock time with the default split. */
    public static NoisePeriod of(LocalTime time) {
        return of(time, DAY_START, NIGHT_START);
    }

    /** Period of a clock time with a local split; day is [dayStart, nightStart), dayStart before nightStart. */
    public static NoisePeriod of(LocalTime time, LocalTime dayStart, LocalTime nightStart) {
        Objects.requireNonNull(time, "time");
        if (!dayStart.isBefore(nightStart)) {
            throw new IllegalArgumentException("dayStart must be before nightStart");
        }
        return !time.isBefore(dayStart) && time.isBefore(nightStart) ? DAY : NIGHT;
    }
}
