package org.envmon.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.envmon.standards.Rounding;
import org.envmon.standards.air.AirEdition;
import org.envmon.standards.air.AirQualityEvaluation;
import org.envmon.standards.air.AirQualityEvaluation.ExceptionalEvents;
import org.envmon.standards.air.AirQualityEvaluation.PeriodEvaluation;
import org.envmon.standards.air.AirQualityIndex;
import org.envmon.standards.air.AmbientAirLimits;
import org.envmon.standards.air.AqiResult;
import org.envmon.standards.air.AqiRounding;
import org.envmon.standards.air.AqiScope;
import org.envmon.standards.air.Averaging;
import org.envmon.standards.air.FastAnnualEvaluation;
import org.envmon.standards.air.FastAqi;
import org.envmon.standards.air.Gb3095Stage;
import org.envmon.standards.air.Pollutant;

/**
 * Derived air values, per station and per city: the pure, allocation-light engine that the store-backed service
 * calls. Stateless; thread-safe (each call writes only its own result objects).
 *
 * <h2>What is computed, and the decisions where the standards are silent</h2>
 * <ul>
 *   <li><b>Hourly AQI</b> ({@link #hourly}): the real-time report of HJ 633 from the six 1-h values (PM on the 24-h
 *       rows, O3 on the 1-h row; "Reading A", as {@link AirQualityIndex#hourly}); the edition is chosen per hour by
 *       {@link AirEdition#forHour} on the CNEMC end label (= by the interval start). Station values are scored as
 *       measured (2012) or GB/T 8170-rounded (2026), as the standards library does. The 2012 SO2 &gt; 800 rule uses
 *       our SO2 24-h moving mean.</li>
 *   <li><b>Moving means</b>: O3 8-h moving mean over hours i−7 … i with ≥ 6 valid (GB 3095 Table 4, HJ 663); 24-h
 *       moving means over hours i−23 … i. Decision (standards silent on the moving 24-h validity): ≥ 20 valid
 *       hours, the 24-h mean rule. Windows that reach before the grid use only the hours inside it. Decision: an
 *       hour without any value of the series (after the last data, or not yet happened) has no moving mean.</li>
 *   <li><b>Daily values</b> ({@link #daily}): natural-day 24-h means with ≥ 20 valid hours; O3 daily max 8-h over
 *       the 17 in-day windows (hours k … k+7, k = 0 … 16), valid with ≥ 14 valid windows or a maximum above the
 *       Class 2 8-h limit (HJ 663 §6.1.2 via {@link AirQualityEvaluation#o3DailyMax8h}); O3 daily max 1-h with
 *       ≥ 20 valid hours or above the 1-h Class 2 limit ({@link AirQualityEvaluation#o3DailyMax1h}); daily AQI per
 *       {@link AirQualityIndex#daily} under {@link AirEdition#forDay}.</li>
 *   <li><b>Rounding</b>: every derived concentration (city hourly mean, 8-h and 24-h means, daily values) is reported
 *       per GB/T 8170 (integers µg/m³, CO 1 decimal), rounded <em>once</em> from the exact sum of the values as
 *       stored; the AQI of a derived concentration is scored on that reported value. For 2026 this is HJ 633-2026
 *       §4.2.2; for 2012 (silent) it is what the national publication does (daily and city concentrations are
 *       published as integers). Period statistics (HJ 663) are computed from the reported daily values ("average
 *       the values as stored", digest §2A.7 default), which also keeps the good-day count equal to the count of
 *       daily AQI ≤ 100.</li>
 *   <li><b>City values</b> ({@link #cityMean}): each hour, each pollutant, the arithmetic mean of the city's valid
 *       non-control stations (digest §2A.5: "each hour, average over the city's evaluation sites, then compute from
 *       those averages"); the city hourly AQI is scored on the reported (rounded) city mean, and the city's daily
 *       values are computed from the city hourly means exactly as a station's (order: station hourly → city hourly
 *       mean → city daily). The hourly mean is kept to 0.001 unit (half-even) as the intermediate for the daily
 *       values: the only intermediate rounding, three orders below the reported precision. The city's reported
 *       hourly concentration and hourly AQI follow {@link AqiRounding} for {@link AqiScope#CITY}: for 2012 the mean
 *       rounded half up (from the exact sum) and the IAQI rounded half up, as the national real-time city
 *       publication does; for 2026 GB/T 8170 and carried up, as HJ 633-2026 says. The city's daily AQI keeps the
 *       standard's carry-up (the publication's city daily values could not be checked). A city hour counts with
 *       at least {@code minStations} valid stations (default 1; HJ 663 sets no quorum).
 *       {@link #cityDailyFromStationDays} gives the alternative (mean of station daily values) for comparison.</li>
 *   <li><b>Periods</b> ({@link #period}): {@link FastAnnualEvaluation} over the reported daily values, edition
 *       {@link AirEdition#forPeriodEnding}, GB 3095 stage {@link Gb3095Stage#of}; the composite index and the
 *       good-day share come with it.</li>
 * </ul>
 */
public final class AirEvaluator {

    /** Minimum valid hours in a 24-h moving window (decision: the GB 3095 24-h mean rule). */
    public static final int MIN_HOURS_MOVING_24H = AirQualityEvaluation.MIN_HOURS_PER_DAY;

    private static final long[] O3_8H_LIMIT = new long[Gb3095Stage.values().length];
    private static final long[] O3_1H_LIMIT = new long[Gb3095Stage.values().length];

    static {
        for (Gb3095Stage s : Gb3095Stage.values()) {
            O3_8H_LIMIT[s.ordinal()] = FastAqi.toMilli(AmbientAirLimits.class2(s, Pollutant.O3, Averaging.MAX_8H));
            O3_1H_LIMIT[s.ordinal()] = FastAqi.toMilli(AmbientAirLimits.class2(s, Pollutant.O3, Averaging.HOUR_1));
        }
    }

    private AirEvaluator() {
    }

    // ------------------------------------------------------------------------------------------------ hourly

    /** All hourly values of a series. */
    public static StationHourly hourly(StationHourSeries s) {
        StationHourly r = new StationHourly(s.code(), s.kind(), s.grid());
        hourly(s, 0, s.grid().hours(), r);
        return r;
    }

    /**
     * Recomputes hours {@code from … to−1} of {@code into} (incremental path); hours outside are left unchanged.
     * Reads the series from {@code from − 23}.
     */
    public static void hourly(StationHourSeries s, int from, int to, StationHourly into) {
        checkSame(s.grid(), into.grid);
        from = Math.max(0, from);
        to = Math.min(s.grid().hours(), to);
        if (from >= to) {
            return;
        }
        for (int p = 0; p < AirPollutants.O3; p++) {
            moving(s.column(p), p, 24, MIN_HOURS_MOVING_24H, from, to, into.movingDay[p]);
        }
        moving(s.column(AirPollutants.O3), AirPollutants.O3, 8, AirQualityEvaluation.MIN_HOURS_PER_8H, from, to,
                into.o3EightHour);
        onlyWhereMeasured(s, from, to, into);
        AqiScope scope = scope(s.kind());
        long[] so2day = into.movingDay[AirPollutants.SO2];
        int split = s.grid().firstHour2026();
        FastAqi f2012 = FastAqi.of(AirEdition.E2012, scope);
        FastAqi f2026 = FastAqi.of(AirEdition.E2026, scope);
        int[] out = into.packed;
        for (int i = from; i < to; i++) {
            FastAqi f = i < split ? f2012 : f2026;
            out[i] = AqiKernel.hourly(f, s.reportedValue(AirPollutants.SO2, i), s.reportedValue(AirPollutants.NO2, i),
                    s.reportedValue(AirPollutants.PM10, i), s.reportedValue(AirPollutants.PM25, i),
                    s.reportedValue(AirPollutants.CO, i), s.reportedValue(AirPollutants.O3, i), so2day[i]);
        }
    }

    /**
     * Decision: a moving mean is given only for an hour at which the series has a value (any pollutant), so no
     * hour after the last data, nor an hour that has not happened yet, shows an O3 8-h or 24-h value carried over
     * from the hours before it. CNEMC's station publication does the same for 98 % of the station-hours without
     * any value (national week of January 2019: 28,899 of 29,414). Depends on hour i alone, so an incremental
     * recompute of the hours a change affects stays equal to a full one.
     */
    private static void onlyWhereMeasured(StationHourSeries s, int from, int to, StationHourly into) {
        for (int i = from; i < to; i++) {
            boolean any = false;
            for (int p = 0; p < AirPollutants.COUNT && !any; p++) {
                any = s.value(p, i) >= 0;
            }
            if (!any) {
                into.o3EightHour[i] = FastAqi.MISSING;
                for (long[] c : into.movingDay) {
                    c[i] = FastAqi.MISSING;
                }
            }
        }
    }

    /** Moving mean of {@code width} hours ending at each i in [from, to), ≥ min valid, reported. */
    private static void moving(long[] v, int p, int width, int min, int from, int to, long[] out) {
        int lo = Math.max(0, from - width + 1);
        long sum = 0;
        int cnt = 0;
        for (int j = lo; j < from; j++) {
            if (v[j] >= 0) {
                sum += v[j];
                cnt++;
            }
        }
        for (int i = from; i < to; i++) {
            if (v[i] >= 0) {
                sum += v[i];
                cnt++;
            }
            int drop = i - width;
            if (drop >= lo && v[drop] >= 0) {
                sum -= v[drop];
                cnt--;
            }
            out[i] = cnt >= min ? AirPollutants.reportMean(p, sum, cnt) : FastAqi.MISSING;
        }
    }

    /**
     * The full real-time report of hour {@code i} through the exact reference ({@link AirQualityIndex#hourly}):
     * IAQI per pollutant, the concentrations scored, level, primary pollutants, edition. Its AQI equals
     * {@link StationHourly#aqi(int)}. The O3 8-h moving mean is attached for information (it does not enter the
     * AQI); {@code hourly} must be the result for the same series.
     */
    public static AqiResult hourlyReport(StationHourSeries s, StationHourly hourly, int i) {
        BigDecimal[] c = new BigDecimal[AirPollutants.COUNT];
        for (int p = 0; p < c.length; p++) {
            c[p] = dec(s.reportedValue(p, i));
        }
        return AirQualityIndex.hourly(s.grid().hourEdition(i), scope(s.kind()), new AirQualityIndex.HourlyInput(c[0],
                c[1], c[2], c[3], c[4], c[5], dec(hourly.o3EightHour(i)),
                dec(hourly.movingMean24h(AirPollutants.SO2, i))));
    }

    // ------------------------------------------------------------------------------------------------ daily

    /** All daily values of a series. */
    public static StationDaily daily(StationHourSeries s) {
        StationDaily r = new StationDaily(s.code(), s.kind(), s.grid());
        daily(s, 0, s.grid().days(), r);
        return r;
    }

    /** Recomputes days {@code fromDay … toDay−1} of {@code into}; other days are left unchanged. */
    public static void daily(StationHourSeries s, int fromDay, int toDay, StationDaily into) {
        checkSame(s.grid(), into.grid);
        HourGrid g = s.grid();
        fromDay = Math.max(0, fromDay);
        toDay = Math.min(g.days(), toDay);
        long[] w8s = new long[17];
        int[] w8c = new int[17];
        for (int d = fromDay; d < toDay; d++) {
            int base = 24 * d;
            for (int p = 0; p < AirPollutants.O3; p++) {
                long[] v = s.column(p);
                long sum = 0;
                int cnt = 0;
                for (int h = base; h < base + 24; h++) {
                    long x = v[h];
                    if (x >= 0) {
                        sum += x;
                        cnt++;
                    }
                }
                into.validHours[p][d] = (short) cnt;
                into.values[p][d] = cnt >= AirQualityEvaluation.MIN_HOURS_PER_DAY
                        ? AirPollutants.reportMean(p, sum, cnt) : FastAqi.MISSING;
            }
            // O3: hours, daily max 1-h, the 17 in-day 8-h windows
            long[] o3 = s.column(AirPollutants.O3);
            int cnt = 0;
            long max1 = -1;
            for (int h = base; h < base + 24; h++) {
                long x = o3[h];
                if (x >= 0) {
                    cnt++;
                    if (x > max1) {
                        max1 = x;
                    }
                }
            }
            into.validHours[AirPollutants.O3][d] = (short) cnt;
            long ws = 0;
            int wc = 0;
            for (int h = base; h < base + 7; h++) {
                if (o3[h] >= 0) {
                    ws += o3[h];
                    wc++;
                }
            }
            int windows = 0;
            long bestS = -1;
            int bestC = 0;
            for (int k = 0; k <= 16; k++) {
                long add = o3[base + k + 7];
                if (add >= 0) {
                    ws += add;
                    wc++;
                }
                if (k > 0) {
                    long rm = o3[base + k - 1];
                    if (rm >= 0) {
                        ws -= rm;
                        wc--;
                    }
                }
                w8s[k] = ws;
                w8c[k] = wc;
                if (wc >= AirQualityEvaluation.MIN_HOURS_PER_8H) {
                    windows++;
                    // exact comparison of ws/wc with bestS/bestC
                    if (bestS < 0 || ws * bestC > bestS * wc) {
                        bestS = ws;
                        bestC = wc;
                    }
                }
            }
            into.o3Windows[d] = (byte) windows;
            Gb3095Stage stage = Gb3095Stage.forDay(g.day(d));
            boolean valid8 = bestS >= 0 && (windows >= AirQualityEvaluation.MIN_O3_8H_WINDOWS
                    || bestS > O3_8H_LIMIT[stage.ordinal()] * bestC);
            into.values[StationDaily.O3_MAX_8H][d] = valid8 ? AirPollutants.reportMean(AirPollutants.O3, bestS, bestC)
                    : FastAqi.MISSING;
            boolean valid1 = max1 >= 0 && (cnt >= AirQualityEvaluation.MIN_HOURS_PER_DAY
                    || max1 > O3_1H_LIMIT[stage.ordinal()]);
            into.values[StationDaily.O3_MAX_1H][d] = valid1 ? AirPollutants.report(AirPollutants.O3, max1)
                    : FastAqi.MISSING;
            dailyAqi(into, d);
        }
    }

    private static void dailyAqi(StationDaily into, int d) {
        long[][] v = into.values;
        into.packed[d] = AqiKernel.daily(FastAqi.of(into.grid.dayEdition(d), scope(into.kind)), v[0][d], v[1][d],
                v[2][d], v[3][d], v[4][d], v[StationDaily.O3_MAX_1H][d], v[StationDaily.O3_MAX_8H][d]);
    }

    /** The full daily report of day {@code d} through the exact reference ({@link AirQualityIndex#daily}). */
    public static AqiResult dailyReport(StationDaily daily, int d) {
        return AirQualityIndex.daily(daily.edition(d), scope(daily.kind()), new AirQualityIndex.DailyInput(
                dec(daily.value(0, d)), dec(daily.value(1, d)), dec(daily.value(2, d)), dec(daily.value(3, d)),
                dec(daily.value(4, d)), dec(daily.value(StationDaily.O3_MAX_1H, d)),
                dec(daily.value(StationDaily.O3_MAX_8H, d))));
    }

    // ------------------------------------------------------------------------------------------------ city

    /** {@link #cityMean(String, Collection, int)} with a quorum of one station. */
    public static StationHourSeries cityMean(String city, Collection<StationHourSeries> stations) {
        return cityMean(city, stations, 1);
    }

    /**
     * The city's hourly mean concentrations: for each hour and pollutant, the mean of the valid values of the
     * given stations that are in {@code city} (when {@code city} is non-null), are not control sites and are
     * station series on the same grid; a city hour counts with at least {@code minStations} stations. The result
     * is a {@link StationHourSeries.Kind#CITY} series: pass it to {@link #hourly} and {@link #daily}.
     */
    public static StationHourSeries cityMean(String city, Collection<StationHourSeries> stations, int minStations) {
        Objects.requireNonNull(city, "city");
        if (minStations < 1) {
            throw new IllegalArgumentException("minStations must be ≥ 1");
        }
        List<StationHourSeries> used = new ArrayList<>();
        HourGrid grid = null;
        for (StationHourSeries s : stations) {
            if (s.kind() != StationHourSeries.Kind.STATION || s.control() || !city.equals(s.city())) {
                continue;
            }
            if (grid == null) {
                grid = s.grid();
            } else {
                checkSame(grid, s.grid());
            }
            used.add(s);
        }
        if (grid == null) {
            throw new IllegalArgumentException("no evaluation station of " + city);
        }
        int n = grid.hours();
        long[][] mean = new long[AirPollutants.COUNT][n];
        long[][] reported = new long[AirPollutants.COUNT][n];
        short[][] count = new short[AirPollutants.COUNT][n];
        int split = grid.firstHour2026();
        AqiRounding.ConcentrationRounding[] rule = {
            AqiRounding.of(AirEdition.E2012, AqiScope.CITY, AqiResult.ReportType.REAL_TIME).concentration(),
            AqiRounding.of(AirEdition.E2026, AqiScope.CITY, AqiResult.ReportType.REAL_TIME).concentration()};
        long[] sum = new long[n];
        for (int p = 0; p < AirPollutants.COUNT; p++) {
            java.util.Arrays.fill(sum, 0);
            short[] k = count[p];
            for (StationHourSeries s : used) {
                long[] v = s.column(p);
                for (int i = 0; i < n; i++) {
                    long x = v[i];
                    if (x >= 0) {
                        sum[i] += x;
                        k[i]++;
                    }
                }
            }
            long[] m = mean[p];
            long[] rep = reported[p];
            int decimals = AirPollutants.POLLUTANTS.get(p).reportedDecimals();
            for (int i = 0; i < n; i++) {
                boolean ok = k[i] >= minStations;
                m[i] = ok ? Rounding.halfEvenDiv(sum[i], k[i]) : FastAqi.MISSING;
                rep[i] = ok ? rule[i < split ? 0 : 1].roundMean(sum[i], k[i], decimals) : FastAqi.MISSING;
            }
        }
        return new StationHourSeries(city, city, false, StationHourSeries.Kind.CITY, grid, mean, count, reported);
    }

    /**
     * Alternative city daily values, for comparison with the default order: per day and indicator, the mean of the
     * stations' reported daily values (at least {@code minStations} valid), reported once; daily AQI from those.
     * The valid-hour counts hold the number of stations averaged.
     */
    public static StationDaily cityDailyFromStationDays(String city, Collection<StationDaily> stationDays,
            int minStations) {
        HourGrid grid = null;
        for (StationDaily s : stationDays) {
            if (grid == null) {
                grid = s.grid();
            } else {
                checkSame(grid, s.grid());
            }
        }
        if (grid == null) {
            throw new IllegalArgumentException("no stations");
        }
        StationDaily r = new StationDaily(city, StationHourSeries.Kind.CITY, grid);
        for (int d = 0; d < grid.days(); d++) {
            for (int k = 0; k < StationDaily.INDICATORS; k++) {
                long sum = 0;
                int n = 0;
                for (StationDaily s : stationDays) {
                    long v = s.values[k][d];
                    if (v >= 0) {
                        sum += v;
                        n++;
                    }
                }
                int p = Math.min(k, AirPollutants.O3);
                r.values[k][d] = n >= minStations ? AirPollutants.reportMean(p, sum, n) : FastAqi.MISSING;
                if (k < AirPollutants.COUNT) {
                    r.validHours[k][d] = (short) n;
                }
            }
            dailyAqi(r, d);
        }
        return r;
    }

    // ------------------------------------------------------------------------------------------------ periods

    /**
     * HJ 663 evaluation of the days {@code from … to} (inclusive) of a station or city: period means, percentiles,
     * completeness, compliance, good/heavy-day shares and the composite index, via {@link FastAnnualEvaluation}.
     * Edition {@link AirEdition#forPeriodEnding}({@code to}); {@code stage} and {@code policy} default (when null)
     * to {@link Gb3095Stage#of}(edition, to) and {@link ExceptionalEvents#defaultFor}(edition). Days outside the
     * grid count as missing. No exceptional-event flags are known to this module (none are passed).
     */
    public static PeriodEvaluation period(StationDaily daily, LocalDate from, LocalDate to, Gb3095Stage stage,
            ExceptionalEvents policy) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("empty period " + from + " … " + to);
        }
        AirEdition edition = AirEdition.forPeriodEnding(to);
        Gb3095Stage st = stage != null ? stage : Gb3095Stage.of(edition, to);
        ExceptionalEvents pol = policy != null ? policy : ExceptionalEvents.defaultFor(edition);
        int n = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        long[][] v = new long[AirPollutants.COUNT][n];
        long[] o31h = new long[n];
        int offset = (int) (from.toEpochDay() - daily.grid.firstDay().toEpochDay());
        int[] srcIdx = {0, 1, 2, 3, 4, StationDaily.O3_MAX_8H};
        for (int i = 0; i < n; i++) {
            int d = offset + i;
            boolean in = d >= 0 && d < daily.days();
            for (int p = 0; p < AirPollutants.COUNT; p++) {
                v[p][i] = in ? daily.values[srcIdx[p]][d] : FastAqi.MISSING;
            }
            o31h[i] = in ? daily.values[StationDaily.O3_MAX_1H][d] : FastAqi.MISSING;
        }
        return FastAnnualEvaluation.evaluate(edition, st, from, v, o31h, null, pol);
    }

    /** {@link #period} with the default stage and exceptional-event policy. */
    public static PeriodEvaluation period(StationDaily daily, LocalDate from, LocalDate to) {
        return period(daily, from, to, null, null);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static AqiScope scope(StationHourSeries.Kind kind) {
        return kind == StationHourSeries.Kind.CITY ? AqiScope.CITY : AqiScope.STATION;
    }

    static BigDecimal dec(long milli) {
        return milli < 0 ? null : BigDecimal.valueOf(milli, 3);
    }

    private static void checkSame(HourGrid a, HourGrid b) {
        if (!a.equals(b)) {
            throw new IllegalArgumentException("different grids: " + a + " and " + b);
        }
    }
}
