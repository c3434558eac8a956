package org.envmon.evaluation;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.envmon.standards.air.FastAqi;
import org.envmon.store.Interval;
import org.envmon.store.Medium;
import org.envmon.store.Observation;
import org.envmon.store.Site;
import org.envmon.store.Statistic;

/**
 * Input of the air evaluation: one station's (or one city's) valid hourly 1-h means of the six basic pollutants on
 * an {@link HourGrid}, as milli-unit columns ({@link AirPollutants}). Only valid values belong here: the caller
 * passes values whose effective validity ({@link Observation#effectiveValid()}: the review decision if any, else the
 * automatic QC verdict) is true; {@link Builder#add(Observation)} also skips invalid ones. Immutable once built.
 *
 * <p>{@link Kind#CITY} series are city means built by {@link AirEvaluator#cityMean}; they carry the number of
 * stations that made each hourly mean and the city's reported hourly concentration ({@link #reportedValue}).
 */
public final class StationHourSeries {

    /** A station's own measurements, or a city's mean of its stations. */
    public enum Kind { STATION, CITY }

    private final String code;
    private final String city;
    private final boolean control;
    private final Kind kind;
    private final HourGrid grid;
    private final long[][] milli;
    private final short[][] stations;
    /** City series: the reported hourly concentration, rounded once from the exact mean; null for a station. */
    private final long[][] reported;

    StationHourSeries(String code, String city, boolean control, Kind kind, HourGrid grid, long[][] milli,
            short[][] stations, long[][] reported) {
        this.code = Objects.requireNonNull(code, "code");
        this.city = city;
        this.control = control;
        this.kind = kind;
        this.grid = grid;
        this.milli = milli;
        this.stations = stations;
        this.reported = reported;
    }

    /** Builder for a site (code, city, control flag taken from the site). */
    public static Builder builder(Site site, HourGrid grid) {
        if (site.medium() != Medium.AIR) {
            throw new IllegalArgumentException("not an air site: " + site.code() + " (" + site.medium() + ")");
        }
        return new Builder(site.code(), site.city(), site.control(), grid);
    }

    public static Builder builder(String code, String city, boolean control, HourGrid grid) {
        return new Builder(code, city, control, grid);
    }

    /** Convenience: a site's series from its observations ({@link Builder#add(Observation)} rules). */
    public static StationHourSeries of(Site site, HourGrid grid, Iterable<Observation> observations) {
        Builder b = builder(site, grid);
        for (Observation o : observations) {
            if (o.siteCode().equals(site.code())) {
                b.add(o);
            }
        }
        return b.build();
    }

    /** Site code, or the city name for a {@link Kind#CITY} series. */
    public String code() {
        return code;
    }

    public String city() {
        return city;
    }

    /** Control site (对照点): excluded from city means. */
    public boolean control() {
        return control;
    }

    public Kind kind() {
        return kind;
    }

    public HourGrid grid() {
        return grid;
    }

    /** Value of pollutant {@code p} at hour {@code i} in milli units, {@link FastAqi#MISSING} if none. */
    public long value(int p, int i) {
        return milli[p][i];
    }

    /**
     * The concentration the hourly AQI scores, milli units: a station's value as measured; a city's hourly
     * concentration as reported (rounded once from the exact mean of its stations by the rule of the hour's edition,
     * {@link org.envmon.standards.air.AqiRounding}: half up for 2012, as the national publication does; GB/T 8170 for
     * 2026). {@link FastAqi#MISSING} if none.
     */
    public long reportedValue(int p, int i) {
        return reported == null ? milli[p][i] : reported[p][i];
    }

    /** For a city series: stations that made the mean of pollutant {@code p} at hour {@code i}; 1 for a station. */
    public int stationCount(int p, int i) {
        return stations == null ? (milli[p][i] >= 0 ? 1 : 0) : stations[p][i];
    }

    /** Number of valid hours of pollutant {@code p}. */
    public int validHours(int p) {
        int n = 0;
        for (long v : milli[p]) {
            if (v >= 0) {
                n++;
            }
        }
        return n;
    }

    long[] column(int p) {
        return milli[p];
    }

    /**
     * A copy of a station series with one value replaced ({@link FastAqi#MISSING} removes it): late data or a
     * review. A city series is rebuilt by {@link AirEvaluator#cityMean} instead.
     */
    public StationHourSeries with(int p, int hour, long milliValue) {
        if (kind == Kind.CITY) {
            throw new UnsupportedOperationException("a city series is rebuilt from its stations");
        }
        long[][] m = new long[AirPollutants.COUNT][];
        for (int q = 0; q < m.length; q++) {
            m[q] = q == p ? milli[q].clone() : milli[q];
        }
        m[p][hour] = milliValue < 0 ? FastAqi.MISSING : milliValue;
        return new StationHourSeries(code, city, control, kind, grid, m, stations, null);
    }

    /** Accumulates values; the last value put for an hour wins. Not thread-safe. */
    public static final class Builder {
        private final String code;
        private final String city;
        private final boolean control;
        private final HourGrid grid;
        private final long[][] milli;

        Builder(String code, String city, boolean control, HourGrid grid) {
            this.code = Objects.requireNonNull(code, "code");
            this.city = city;
            this.control = control;
            this.grid = Objects.requireNonNull(grid, "grid");
            this.milli = new long[AirPollutants.COUNT][grid.hours()];
            for (long[] c : milli) {
                Arrays.fill(c, FastAqi.MISSING);
            }
        }

        /** Puts a milli-unit value (negative = missing). */
        public Builder put(int pollutant, int hour, long milliValue) {
            milli[pollutant][hour] = milliValue < 0 ? FastAqi.MISSING : milliValue;
            return this;
        }

        /**
         * Puts a value by HJ 212 code and interval start; returns false (and ignores it) for an unknown code, a time
         * outside the grid or not on a whole hour.
         */
        public boolean put(String hj212Code, Instant intervalStart, double value) {
            int p = AirPollutants.indexOf(hj212Code);
            int i = grid.index(intervalStart);
            if (p < 0 || i < 0) {
                return false;
            }
            milli[p][i] = AirPollutants.toMilli(value);
            return true;
        }

        /**
         * Adds a stored value if it is an hourly ({@link Interval#HOUR}) interval value ({@link Statistic#VALUE}) of
         * one of the six pollutants, inside the grid, and effectively valid; returns whether it was taken.
         */
        public boolean add(Observation o) {
            if (o.interval() != Interval.HOUR || o.statistic() != Statistic.VALUE || !o.effectiveValid()) {
                return false;
            }
            return put(o.parameter(), o.time(), o.value());
        }

        public StationHourSeries build() {
            long[][] m = new long[milli.length][];
            for (int p = 0; p < m.length; p++) {
                m[p] = milli[p].clone();
            }
            return new StationHourSeries(code, city, control, Kind.STATION, grid, m, null, null);
        }
    }
}
