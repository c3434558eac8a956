package org.envmon.standards.air;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.envmon.standards.Rounding;

/**
 * HJ 663 ambient air quality evaluation (2013; 2026 = the 2013 algorithms behind the 2026 switch, digest §2B):
 * data validity, daily statistics from hourly values, percentiles, period statistics, compliance and the share of
 * good and heavily polluted days. Stateless; thread-safe.
 *
 * <h2>Numbers</h2>
 * Exact {@link BigDecimal}. Means are rounded <em>once</em>, from the exact sum, to the reported decimals
 * (GB/T 8170 half-even: integers in µg/m³, CO 1 decimal; HJ 663-2013 "数据修约" [mem], HJ 633-2026 §4.2.2). Daily
 * values from hourly data are kept unrounded to 10 decimals ({@link #INTERMEDIATE_SCALE}) for later statistics.
 */
public final class AirQualityEvaluation {

    /** Scale of unrounded intermediate means. */
    public static final int INTERMEDIATE_SCALE = 10;

    /** GB 3095 Table 4 / HJ 663: minimum hourly values for a 24-h mean (digest §2A.2, §3B.4 [confirmed]). */
    public static final int MIN_HOURS_PER_DAY = 20;
    /** Minimum hourly values in an 8-h window (same table). */
    public static final int MIN_HOURS_PER_8H = 6;
    /** HJ 663 §6.1.2 [reported]: valid 8-h means (of the 17 windows ending 08:00…24:00) for the O3 daily max. */
    public static final int MIN_O3_8H_WINDOWS = 14;
    /** Annual mean: daily values per year (GB 3095 Table 4). */
    public static final int MIN_DAYS_PER_YEAR = 324;
    /** Annual mean: daily values per month, February excepted. */
    public static final int MIN_DAYS_PER_MONTH = 27;
    /** Annual mean: daily values in February. */
    public static final int MIN_DAYS_FEBRUARY = 25;

    private AirQualityEvaluation() {
    }

    // ---------------------------------------------------------------- daily statistics from hourly values

    /** Unrounded mean of the non-null values, if there are at least {@code min}. */
    public static Optional<BigDecimal> mean(Collection<BigDecimal> values, int min) {
        BigDecimal sum = BigDecimal.ZERO;
        int n = 0;
        for (BigDecimal v : values) {
            if (v != null) {
                sum = sum.add(v);
                n++;
            }
        }
        if (n == 0 || n < min) {
            return Optional.empty();
        }
        return Optional.of(sum.divide(BigDecimal.valueOf(n), INTERMEDIATE_SCALE, RoundingMode.HALF_EVEN));
    }

    /** 24-h mean of one natural day's hourly values (nulls = missing): ≥ 20 valid hours, else empty. */
    public static Optional<BigDecimal> dailyMean(List<BigDecimal> hourly) {
        return mean(hourly, MIN_HOURS_PER_DAY);
    }

    /** 8-h moving mean over 8 consecutive hourly values (HJ 663-2013 §3): ≥ 6 valid, else empty. */
    public static Optional<BigDecimal> eightHourMean(List<BigDecimal> eightHours) {
        if (eightHours.size() != 8) {
            throw new IllegalArgumentException("need 8 hourly values, got " + eightHours.size());
        }
        return mean(eightHours, MIN_HOURS_PER_8H);
    }

    /**
     * O3 daily maximum 8-h moving mean.
     *
     * @param value        largest valid window mean (unrounded), if any
     * @param validWindows number of valid windows (of 17)
     * @param valid        whether the value counts: ≥ 14 valid windows, or fewer but above the limit
     */
    public record O3Max8h(Optional<BigDecimal> value, int validWindows, boolean valid) {
    }

    /**
     * O3 daily max 8-h from a natural day's 24 hourly values indexed by interval <em>start</em> (index 0 =
     * 00:00–01:00, which platforms label "01:00"). The 17 windows are hours k…k+7, k = 0…16, i.e. the moving means
     * ending 08:00…24:00 (HJ 663-2013 §3 [digest §2A.3]); no hours of the previous day are used. Valid with ≥ 14
     * valid windows, or with fewer when the maximum exceeds {@code limit} (HJ 663 §6.1.2 [reported]).
     */
    public static O3Max8h o3DailyMax8h(List<BigDecimal> hourlyByStart, BigDecimal limit) {
        if (hourlyByStart.size() != 24) {
            throw new IllegalArgumentException("need 24 hourly values, got " + hourlyByStart.size());
        }
        BigDecimal max = null;
        int windows = 0;
        for (int k = 0; k <= 16; k++) {
            Optional<BigDecimal> m = eightHourMean(hourlyByStart.subList(k, k + 8));
            if (m.isPresent()) {
                windows++;
                if (max == null || m.get().compareTo(max) > 0) {
                    max = m.get();
                }
            }
        }
        boolean valid = max != null && (windows >= MIN_O3_8H_WINDOWS || max.compareTo(limit) > 0);
        return new O3Max8h(Optional.ofNullable(max), windows, valid);
    }

    /**
     * O3 daily maximum 1-h value. Decision (standards silent on its validity): requires the same ≥ 20 valid hours
     * as a 24-h mean, unless the maximum already exceeds {@code limit}.
     */
    public static Optional<BigDecimal> o3DailyMax1h(List<BigDecimal> hourly, BigDecimal limit) {
        BigDecimal max = null;
        int n = 0;
        for (BigDecimal v : hourly) {
            if (v != null) {
                n++;
                if (max == null || v.compareTo(max) > 0) {
                    max = v;
                }
            }
        }
        return max != null && (n >= MIN_HOURS_PER_DAY || max.compareTo(limit) > 0) ? Optional.of(max)
                : Optional.empty();
    }

    // ---------------------------------------------------------------- percentile and rounding

    /**
     * The p-th percentile per HJ 663-2013 Annex A (normative): sort ascending, {@code k = 1 + (n−1)·p%},
     * {@code s = ⌊k⌋}, {@code m = X(s) + (X(s+1) − X(s))·(k − s)}, {@code X(n)} when {@code s = n}. Exact.
     * (Same as Hyndman–Fan type 7 / Excel PERCENTILE.INC.)
     */
    public static BigDecimal percentile(Collection<BigDecimal> values, int p) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        if (p < 0 || p > 100) {
            throw new IllegalArgumentException("p must be 0..100: " + p);
        }
        List<BigDecimal> x = new ArrayList<>(values);
        x.sort(Comparator.naturalOrder());
        int n = x.size();
        long scaled = (long) (n - 1) * p; // (k - 1) * 100
        int s = (int) (scaled / 100) + 1;
        long frac = scaled % 100;
        if (s >= n || frac == 0) {
            return x.get(s - 1);
        }
        BigDecimal xs = x.get(s - 1);
        return xs.add(x.get(s).subtract(xs).multiply(BigDecimal.valueOf(frac, 2)));
    }

    /** Reported value: GB/T 8170 half-even to integers (CO 1 decimal). */
    public static BigDecimal report(Pollutant p, BigDecimal value) {
        return Rounding.gbt8170(value, p.reportedDecimals());
    }

    /** Exceedance multiple {@code (C − S)/S} to 2 decimals (HJ 663-2013 §5 [mem; decimals unconfirmed]). */
    public static BigDecimal exceedanceMultiple(BigDecimal c, BigDecimal limit) {
        return c.subtract(limit).divide(limit, 2, RoundingMode.HALF_EVEN);
    }

    // ---------------------------------------------------------------- period statistics

    /**
     * Completeness of a calendar year of daily values for an annual statistic (GB 3095 Table 4): ≥ 324 days,
     * ≥ 27 in every month, ≥ 25 in February. Decision: the same rule applies to the annual percentiles (digest §2A.2
     * [unconfirmed]).
     */
    public static boolean annualComplete(Collection<LocalDate> daysWithValue) {
        if (daysWithValue.size() < MIN_DAYS_PER_YEAR) {
            return false;
        }
        Map<YearMonth, Integer> perMonth = new HashMap<>();
        for (LocalDate d : daysWithValue) {
            perMonth.merge(YearMonth.from(d), 1, Integer::sum);
        }
        if (perMonth.size() != 12) {
            return false;
        }
        for (Map.Entry<YearMonth, Integer> e : perMonth.entrySet()) {
            int min = e.getKey().getMonth() == Month.FEBRUARY ? MIN_DAYS_FEBRUARY : MIN_DAYS_PER_MONTH;
            if (e.getValue() < min) {
                return false;
            }
        }
        return true;
    }

    /** One day's values for period statistics ({@code null} = missing/invalid). µg/m³, CO mg/m³. */
    public record DailyValues(LocalDate date, BigDecimal so2, BigDecimal no2, BigDecimal pm10, BigDecimal pm25,
            BigDecimal co, BigDecimal o3_8h, BigDecimal o3_1h, boolean exceptionalEvent) {

        /** Without O3 1-h and exceptional flag. */
        public static DailyValues of(LocalDate date, BigDecimal so2, BigDecimal no2, BigDecimal pm10,
                BigDecimal pm25, BigDecimal co, BigDecimal o3_8h) {
            return new DailyValues(date, so2, no2, pm10, pm25, co, o3_8h, null, false);
        }
    }

    /**
     * Exceptional events (例外事件): what happens to days flagged as exceptional (e.g. sand and dust, 扣沙).
     * HJ 663-2026 adds exceptional events [reported, details unconfirmed]; precursor: 环办监测〔2016〕120号 removes
     * particulate data of confirmed dust days from assessment. Decision: {@link #EXCLUDE_PARTICULATES} drops
     * PM10/PM2.5 of flagged days from every statistic (the day still counts toward data completeness, and its
     * AQI for the good-day share is computed without PM); default for the 2026 edition. {@link #INCLUDE} ignores
     * flags; default for 2012 (HJ 663-2013 has no such rule).
     */
    public enum ExceptionalEvents {
        EXCLUDE_PARTICULATES, INCLUDE;

        public static ExceptionalEvents defaultFor(AirEdition e) {
            return e == AirEdition.E2026 ? EXCLUDE_PARTICULATES : INCLUDE;
        }
    }

    /**
     * One period statistic.
     *
     * @param key          input key ({@code so2, no2, pm10, pm25, co, o3_8h})
     * @param statistic    {@code annual_mean}, {@code p98}, {@code p95}, {@code p90}
     * @param validDays    days with a value used
     * @param exact        unrounded value (empty if no data)
     * @param value        reported value (rounded once per GB/T 8170)
     * @param limitClass2  GB 3095 Class 2 limit for the stage
     * @param limitClass1  GB 3095 Class 1 limit for the stage
     * @param complete     data completeness met (annual rule)
     */
    public record PeriodStatistic(Pollutant pollutant, String key, String statistic, int validDays,
            Optional<BigDecimal> exact, Optional<BigDecimal> value, BigDecimal limitClass2, BigDecimal limitClass1,
            boolean complete) {

        /** Class 2 compliance (value ≤ limit), only when the data are complete. */
        public Optional<Boolean> compliantClass2() {
            return complete && value.isPresent() ? Optional.of(value.get().compareTo(limitClass2) <= 0)
                    : Optional.empty();
        }

        /** Class 1 compliance (value ≤ limit), only when the data are complete. */
        public Optional<Boolean> compliantClass1() {
            return complete && value.isPresent() ? Optional.of(value.get().compareTo(limitClass1) <= 0)
                    : Optional.empty();
        }

        /** Exceedance multiple against Class 2, when above the limit. */
        public Optional<BigDecimal> exceedanceMultipleClass2() {
            return value.filter(v -> v.compareTo(limitClass2) > 0).map(v -> exceedanceMultiple(v, limitClass2));
        }
    }

    /**
     * Result of an annual (or any period) evaluation.
     *
     * @param goodDaysRatio  优良天数比例, % to 1 decimal: days with AQI ≤ 100 over valid days
     * @param heavyDaysRatio 重度及以上污染天数比例, % to 1 decimal: days with AQI &gt; 200 over valid days
     * @param aqiValidDays   days whose daily AQI counts (see {@link #evaluate})
     */
    public record PeriodEvaluation(AirEdition edition, Gb3095Stage stage, LocalDate lastDay,
            List<PeriodStatistic> statistics, int aqiValidDays, int goodDays, int heavyDays,
            Optional<BigDecimal> goodDaysRatio, Optional<BigDecimal> heavyDaysRatio, CompositeIndex.Result composite) {

        /** Comprehensive evaluation: meets Class 2 only if every statistic does (HJ 663-2013 §5 [mem]). */
        public Optional<Boolean> compliantClass2() {
            boolean all = true;
            for (PeriodStatistic s : statistics) {
                Optional<Boolean> c = s.compliantClass2();
                if (c.isEmpty()) {
                    return Optional.empty();
                }
                all &= c.get();
            }
            return Optional.of(all);
        }
    }

    /** Statistic set of HJ 663-2013 Annex A / §5 (digest §2A.4): annual means and percentiles. */
    private static final Object[][] STATISTICS = {
        {Pollutant.SO2, "so2", "annual_mean", 0}, {Pollutant.SO2, "so2", "p98", 98},
        {Pollutant.NO2, "no2", "annual_mean", 0}, {Pollutant.NO2, "no2", "p98", 98},
        {Pollutant.PM10, "pm10", "annual_mean", 0}, {Pollutant.PM10, "pm10", "p95", 95},
        {Pollutant.PM25, "pm25", "annual_mean", 0}, {Pollutant.PM25, "pm25", "p95", 95},
        {Pollutant.CO, "co", "p95", 95},
        {Pollutant.O3, "o3_8h", "p90", 90},
    };

    /**
     * Evaluates a period of daily values (normally one calendar year) under {@code edition} and GB 3095
     * {@code stage}. The completeness rule is the annual one (a shorter period is reported as incomplete).
     *
     * <p>Good-day share, decision (standards silent): a day counts if its daily AQI has every indicator of the
     * edition (6; for 2012 the O3 1-h max is included when given), or if the AQI of the indicators present is
     * already &gt; 100 (consistent with HJ 633-2026 §5.3.1). With exceptional-event exclusion, a flagged day's AQI
     * is computed without PM10/PM2.5 and counts as complete.
     */
    public static PeriodEvaluation evaluate(AirEdition edition, Gb3095Stage stage, List<DailyValues> days,
            ExceptionalEvents policy) {
        boolean exclude = policy == ExceptionalEvents.EXCLUDE_PARTICULATES;
        LocalDate last = days.stream().map(DailyValues::date).max(Comparator.naturalOrder()).orElse(null);
        Map<Pollutant, Function<DailyValues, BigDecimal>> get = Map.of(
                Pollutant.SO2, DailyValues::so2, Pollutant.NO2, DailyValues::no2, Pollutant.PM10, DailyValues::pm10,
                Pollutant.PM25, DailyValues::pm25, Pollutant.CO, DailyValues::co, Pollutant.O3, DailyValues::o3_8h);
        List<PeriodStatistic> stats = new ArrayList<>();
        Map<Pollutant, BigDecimal> compositeInput = new HashMap<>();
        for (Object[] def : STATISTICS) {
            Pollutant p = (Pollutant) def[0];
            String key = (String) def[1];
            String name = (String) def[2];
            int pct = (Integer) def[3];
            List<BigDecimal> values = new ArrayList<>();
            List<LocalDate> present = new ArrayList<>();
            boolean pm = p == Pollutant.PM10 || p == Pollutant.PM25;
            for (DailyValues d : days) {
                BigDecimal v = get.get(p).apply(d);
                if (v != null) {
                    present.add(d.date());
                    if (!(exclude && pm && d.exceptionalEvent())) {
                        values.add(v);
                    }
                }
            }
            Optional<BigDecimal> exact;
            Optional<BigDecimal> reported;
            if (values.isEmpty()) {
                exact = Optional.empty();
                reported = Optional.empty();
            } else if (pct == 0) {
                BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal n = BigDecimal.valueOf(values.size());
                exact = Optional.of(sum.divide(n, INTERMEDIATE_SCALE, RoundingMode.HALF_EVEN));
                reported = Optional.of(sum.divide(n, p.reportedDecimals(), RoundingMode.HALF_EVEN));
            } else {
                BigDecimal v = percentile(values, pct);
                exact = Optional.of(v);
                reported = Optional.of(report(p, v));
            }
            Averaging a = pct == 0 ? Averaging.ANNUAL : (p == Pollutant.O3 ? Averaging.MAX_8H : Averaging.DAY_24H);
            BigDecimal l2 = AmbientAirLimits.class2(stage, p, a);
            BigDecimal l1 = AmbientAirLimits.limit(stage, p, a, AmbientAirLimits.ZoneClass.CLASS_1).orElseThrow();
            PeriodStatistic st = new PeriodStatistic(p, key, name, values.size(), exact, reported, l2, l1,
                    annualComplete(present));
            stats.add(st);
            if ((pct == 0 || p == Pollutant.CO || p == Pollutant.O3) && reported.isPresent()) {
                compositeInput.put(p, reported.get());
            }
        }
        // good and heavily polluted days
        int valid = 0;
        int good = 0;
        int heavy = 0;
        for (DailyValues d : days) {
            boolean dropPm = exclude && d.exceptionalEvent();
            AqiResult r = AirQualityIndex.daily(edition, new AirQualityIndex.DailyInput(d.so2(), d.no2(),
                    dropPm ? null : d.pm10(), dropPm ? null : d.pm25(), d.co(), d.o3_1h(), d.o3_8h()));
            if (r.aqi().isEmpty()) {
                continue;
            }
            int aqi = r.aqi().getAsInt();
            long missing = r.missing().stream()
                    .filter(k -> !(dropPm && (k.equals("pm10") || k.equals("pm25"))))
                    .filter(k -> !(k.equals("o3_1h") && d.o3_1h() == null))
                    .count();
            if (missing > 0 && aqi <= 100) {
                continue;
            }
            valid++;
            if (aqi <= 100) {
                good++;
            }
            if (aqi > 200) {
                heavy++;
            }
        }
        Optional<BigDecimal> goodRatio = valid == 0 ? Optional.empty()
                : Optional.of(ratio(good, valid));
        Optional<BigDecimal> heavyRatio = valid == 0 ? Optional.empty()
                : Optional.of(ratio(heavy, valid));
        CompositeIndex.Result composite = CompositeIndex.compute(stage, compositeInput, CompositeIndex.Weights.NONE);
        return new PeriodEvaluation(edition, stage, last, stats, valid, good, heavy, goodRatio, heavyRatio, composite);
    }

    /** {@code part / whole × 100} to 1 decimal (HJ 663-2013 §5 [mem; decimals unconfirmed]). */
    public static BigDecimal ratio(int part, int whole) {
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_EVEN);
    }
}
