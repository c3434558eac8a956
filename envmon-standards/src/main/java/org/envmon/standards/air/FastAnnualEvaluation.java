package org.envmon.standards.air;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.envmon.standards.Rounding;

/**
 * Fast exact form of {@link AirQualityEvaluation#evaluate} for bulk work (e.g. 1,734 stations × 365 days): daily
 * values as milli-unit {@code long}s ({@link FastAqi#SCALE}, {@link FastAqi#MISSING} for gaps), integer sums,
 * O(n) selection instead of sorting for the percentiles, the {@link FastAqi} daily AQI. Produces the same
 * {@link AirQualityEvaluation.PeriodEvaluation} (numerically equal; a test compares both). Stateless.
 */
public final class FastAnnualEvaluation {

    private FastAnnualEvaluation() {
    }

    /** Index of each basic pollutant in the {@code values} array: SO2, NO2, PM10, PM2.5, CO, O3 (daily max 8-h). */
    public static final List<Pollutant> ORDER = Pollutant.BASIC;

    private static final String[] KEYS = {"so2", "no2", "pm10", "pm25", "co", "o3_8h"};

    /**
     * @param firstDay    date of index 0; index i is {@code firstDay + i} (consecutive days)
     * @param values      {@code values[p][i]}: pollutant p in {@link #ORDER}, day i, milli units
     * @param o3_1h       daily max 1-h O3 per day (milli) or {@code null}
     * @param exceptional exceptional-event flag per day or {@code null}
     */
    public static AirQualityEvaluation.PeriodEvaluation evaluate(AirEdition edition, Gb3095Stage stage,
            LocalDate firstDay, long[][] values, long[] o3_1h, boolean[] exceptional,
            AirQualityEvaluation.ExceptionalEvents policy) {
        int n = values[0].length;
        boolean exclude = policy == AirQualityEvaluation.ExceptionalEvents.EXCLUDE_PARTICULATES;
        // month index per day, for completeness
        int[] month = new int[n];
        java.time.YearMonth ym = java.time.YearMonth.from(firstDay);
        int left = ym.lengthOfMonth() - firstDay.getDayOfMonth() + 1;
        int mi = 0;
        for (int i = 0; i < n; i++) {
            if (left == 0) {
                ym = ym.plusMonths(1);
                left = ym.lengthOfMonth();
                mi++;
            }
            month[i] = mi;
            left--;
        }
        int months = n == 0 ? 0 : month[n - 1] + 1;
        LocalDate lastDay = n == 0 ? null : firstDay.plusDays(n - 1);
        List<AirQualityEvaluation.PeriodStatistic> stats = new ArrayList<>(10);
        Map<Pollutant, BigDecimal> compositeInput = new EnumMap<>(Pollutant.class);
        long[] buf = new long[n];
        int[] perMonth = new int[Math.max(months, 1)];
        for (int p = 0; p < 6; p++) {
            Pollutant pol = ORDER.get(p);
            boolean pm = pol == Pollutant.PM10 || pol == Pollutant.PM25;
            long[] v = values[p];
            int present = 0;
            int used = 0;
            long sum = 0;
            java.util.Arrays.fill(perMonth, 0);
            for (int i = 0; i < n; i++) {
                long x = v[i];
                if (x >= 0) {
                    present++;
                    perMonth[month[i]]++;
                    if (!(exclude && pm && exceptional != null && exceptional[i])) {
                        buf[used++] = x;
                        sum += x;
                    }
                }
            }
            boolean complete = complete(present, perMonth, months, firstDay);
            int dec = pol.reportedDecimals();
            if (pol != Pollutant.CO && pol != Pollutant.O3) {
                Optional<BigDecimal> exact = Optional.empty();
                Optional<BigDecimal> rep = Optional.empty();
                if (used > 0) {
                    exact = Optional.of(divide(sum, used, AirQualityEvaluation.INTERMEDIATE_SCALE));
                    rep = Optional.of(divide(sum, used, dec));
                    compositeInput.put(pol, rep.get());
                }
                stats.add(stat(stage, pol, KEYS[p], "annual_mean", Averaging.ANNUAL, used, exact, rep, complete));
            }
            int pct = switch (pol) {
                case SO2, NO2 -> 98;
                case O3 -> 90;
                default -> 95;
            };
            Optional<BigDecimal> exact = Optional.empty();
            Optional<BigDecimal> rep = Optional.empty();
            if (used > 0) {
                BigDecimal m = percentile(buf, used, pct);
                exact = Optional.of(m);
                rep = Optional.of(m.setScale(dec, RoundingMode.HALF_EVEN));
                if (pol == Pollutant.CO || pol == Pollutant.O3) {
                    compositeInput.put(pol, rep.get());
                }
            }
            stats.add(stat(stage, pol, KEYS[p], "p" + pct,
                    pol == Pollutant.O3 ? Averaging.MAX_8H : Averaging.DAY_24H, used, exact, rep, complete));
        }
        // good / heavy days: AQI <= 100 iff every scored concentration is <= its IAQI=100 breakpoint, AQI > 200
        // iff one is above its IAQI=200 breakpoint (the ceiling preserves both comparisons), so no division.
        FastAqi f = FastAqi.of(edition);
        boolean e2012 = edition == AirEdition.E2012;
        AqiBreakpoints t = AqiBreakpoints.of(edition);
        AqiIndicator[] rows = {AqiIndicator.SO2_24H, AqiIndicator.NO2_24H, AqiIndicator.PM10_24H,
            AqiIndicator.PM25_24H, AqiIndicator.CO_24H, AqiIndicator.O3_8H};
        long[] bp100 = new long[6];
        long[] bp200 = new long[6];
        for (int p = 0; p < 6; p++) {
            bp100[p] = (long) t.concentration(rows[p], 2) * FastAqi.SCALE;
            bp200[p] = (long) t.concentration(rows[p], 4) * FastAqi.SCALE;
        }
        long o31h100 = (long) t.concentration(AqiIndicator.O3_1H, 2) * FastAqi.SCALE;
        long o31h200 = (long) t.concentration(AqiIndicator.O3_1H, 4) * FastAqi.SCALE;
        long o3top = 800L * FastAqi.SCALE;
        int valid = 0;
        int good = 0;
        int heavy = 0;
        for (int i = 0; i < n; i++) {
            boolean dropPm = exclude && exceptional != null && exceptional[i];
            boolean any = false;
            boolean missing = false;
            boolean above100 = false;
            boolean above200 = false;
            for (int p = 0; p < 6; p++) {
                if (dropPm && (p == 2 || p == 3)) {
                    continue;
                }
                long c = f.scoredValue(values[p][i], p == 4);
                if (c < 0) {
                    missing = true;
                    continue;
                }
                if (p == 5 && c > o3top && e2012) {
                    continue; // 2012: no 8-h IAQI above 800; O3 is reported by the 1-h IAQI
                }
                any = true;
                above100 |= c > bp100[p];
                above200 |= c > bp200[p];
            }
            if (e2012 && o3_1h != null && o3_1h[i] >= 0) {
                any = true;
                above100 |= o3_1h[i] > o31h100;
                above200 |= o3_1h[i] > o31h200;
            }
            if (!any || (missing && !above100)) {
                continue;
            }
            valid++;
            if (!above100) {
                good++;
            }
            if (above200) {
                heavy++;
            }
        }
        Optional<BigDecimal> goodRatio = valid == 0 ? Optional.empty()
                : Optional.of(AirQualityEvaluation.ratio(good, valid));
        Optional<BigDecimal> heavyRatio = valid == 0 ? Optional.empty()
                : Optional.of(AirQualityEvaluation.ratio(heavy, valid));
        CompositeIndex.Result composite = CompositeIndex.compute(stage, compositeInput, CompositeIndex.Weights.NONE);
        return new AirQualityEvaluation.PeriodEvaluation(edition, stage, lastDay, stats, valid, good, heavy,
                goodRatio, heavyRatio, composite);
    }

    private static AirQualityEvaluation.PeriodStatistic stat(Gb3095Stage stage, Pollutant p, String key,
            String name, Averaging a, int used, Optional<BigDecimal> exact, Optional<BigDecimal> rep,
            boolean complete) {
        return new AirQualityEvaluation.PeriodStatistic(p, key, name, used, exact, rep,
                AmbientAirLimits.class2(stage, p, a),
                AmbientAirLimits.limit(stage, p, a, AmbientAirLimits.ZoneClass.CLASS_1).orElseThrow(), complete);
    }

    /** Same rule as {@link AirQualityEvaluation#annualComplete}: ≥ 324 days, 12 months each ≥ 27 (Feb ≥ 25). */
    private static boolean complete(int present, int[] perMonth, int months, LocalDate firstDay) {
        if (present < AirQualityEvaluation.MIN_DAYS_PER_YEAR) {
            return false;
        }
        int withData = 0;
        for (int m = 0; m < months; m++) {
            if (perMonth[m] == 0) {
                continue;
            }
            withData++;
            int monthOfYear = (firstDay.getMonthValue() - 1 + m) % 12;
            int min = monthOfYear == 1 ? AirQualityEvaluation.MIN_DAYS_FEBRUARY : AirQualityEvaluation.MIN_DAYS_PER_MONTH;
            if (perMonth[m] < min) {
                return false;
            }
        }
        return withData == 12;
    }

    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L};

    /** {@code milliSum / n} (milli units) rounded half-even to {@code scale} decimals, exactly. */
    static BigDecimal divide(long milliSum, int n, int scale) {
        // value = milliSum / (n * 1000); at the target scale: milliSum * 10^scale / (n * 1000)
        if (scale >= 3 && scale - 3 < POW10.length && milliSum < Long.MAX_VALUE / POW10[scale - 3]) {
            long num = milliSum * POW10[scale - 3];
            return BigDecimal.valueOf(Rounding.halfEvenDiv(num, n), scale);
        }
        if (scale < 3) {
            return BigDecimal.valueOf(Rounding.halfEvenDiv(milliSum, (long) n * POW10[3 - scale]), scale);
        }
        return BigDecimal.valueOf(milliSum, 3).divide(BigDecimal.valueOf(n), scale, RoundingMode.HALF_EVEN);
    }

    /** HJ 663 Annex A percentile of the first {@code n} values (reordered in place), exact, O(n) expected. */
    static BigDecimal percentile(long[] a, int n, int p) {
        long scaled = (long) (n - 1) * p;
        int s = (int) (scaled / 100) + 1;
        long frac = scaled % 100;
        int k = n - s + 1; // X(s) is the k-th largest
        if (k <= 64) {
            // high percentiles: keep the k largest in a small ascending buffer (one pass, rare insertions)
            long[] top = new long[k];
            int cnt = 0;
            for (int i = 0; i < n; i++) {
                long x = a[i];
                if (cnt < k) {
                    int j = cnt++;
                    while (j > 0 && top[j - 1] > x) {
                        top[j] = top[j - 1];
                        j--;
                    }
                    top[j] = x;
                } else if (x > top[0]) {
                    int j = 0;
                    while (j + 1 < k && top[j + 1] < x) {
                        top[j] = top[j + 1];
                        j++;
                    }
                    top[j] = x;
                }
            }
            if (s >= n || frac == 0) {
                return BigDecimal.valueOf(top[0], 3);
            }
            return BigDecimal.valueOf(top[0] * 100 + (top[1] - top[0]) * frac, 5);
        }
        long xs = select(a, n, s - 1);
        if (s >= n || frac == 0) {
            return BigDecimal.valueOf(xs, 3);
        }
        // X(s+1) is the minimum of the elements after position s-1 (select partitions around it)
        long next = Long.MAX_VALUE;
        for (int i = s; i < n; i++) {
            next = Math.min(next, a[i]);
        }
        // xs + (next - xs) * frac / 100, exact at scale 5
        return BigDecimal.valueOf(xs * 100 + (next - xs) * frac, 5);
    }

    /** Quickselect: the k-th smallest (0-based) of a[0..n), partitioning a so that a[k+1..n) ≥ a[k]. */
    private static long select(long[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            long pivot = median3(a[lo], a[(lo + hi) >>> 1], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                break;
            }
        }
        return a[k];
    }

    private static long median3(long x, long y, long z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }
}
