package org.envmon.quality.screening;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * An hourly series of one parameter at one site: value {@code i} belongs to the hour starting at
 * {@code start + i hours} (the store's convention: time = start of the averaging interval). Missing hours are
 * {@link Double#NaN}. Immutable; the array is copied in and out.
 */
public final class HourlySeries {

    private static final long HOUR_SECONDS = 3600;

    private final String siteCode;
    private final String parameter;
    private final Instant start;
    private final double[] values;

    public HourlySeries(String siteCode, String parameter, Instant start, double[] values) {
        this.siteCode = Objects.requireNonNull(siteCode, "siteCode");
        this.parameter = Objects.requireNonNull(parameter, "parameter");
        this.start = Objects.requireNonNull(start, "start");
        if (start.getEpochSecond() % HOUR_SECONDS != 0 || start.getNano() != 0) {
            throw new IllegalArgumentException("start must be on a full hour: " + start);
        }
        this.values = Objects.requireNonNull(values, "values").clone();
    }

    public String siteCode() {
        return siteCode;
    }

    public String parameter() {
        return parameter;
    }

    /** Start of the first hour. */
    public Instant start() {
        return start;
    }

    /** End of the last hour (exclusive). */
    public Instant end() {
        return timeAt(values.length);
    }

    public int length() {
        return values.length;
    }

    public double value(int i) {
        return values[i];
    }

    /** A copy of the values. */
    public double[] values() {
        return values.clone();
    }

    /** Start of hour {@code i} (may be {@code length()} for the end). */
    public Instant timeAt(int i) {
        return start.plusSeconds(i * HOUR_SECONDS);
    }

    /** Index of the hour starting at {@code t} (may be negative or beyond the end); {@code t} is floored to the hour. */
    public int indexOf(Instant t) {
        return (int) Math.floorDiv(Duration.between(start, t).getSeconds(), HOUR_SECONDS);
    }

    /** Number of non-missing values. */
    public int validCount() {
        return (int) Arrays.stream(values).filter(v -> !Double.isNaN(v)).count();
    }

    /** The values on another hourly axis ({@code start}, {@code length}); hours this series lacks are NaN. */
    public double[] alignedTo(Instant otherStart, int otherLength) {
        double[] out = new double[otherLength];
        Arrays.fill(out, Double.NaN);
        int offset = indexOf(otherStart);
        for (int i = 0; i < otherLength; i++) {
            int j = i + offset;
            if (j >= 0 && j < values.length) {
                out[i] = values[j];
            }
        }
        return out;
    }

    /** The same site, parameter and start with other values (e.g. a tampered copy). */
    public HourlySeries withValues(double[] newValues) {
        return new HourlySeries(siteCode, parameter, start, newValues);
    }

    @Override
    public String toString() {
        return "HourlySeries[" + siteCode + " " + parameter + " " + start + " +" + values.length + "h]";
    }
}
