package org.envmon.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.envmon.standards.air.AirEdition;
import org.envmon.standards.air.AirQualityIndex;
import org.envmon.standards.air.AqiIndicator;
import org.envmon.standards.air.AqiResult;
import org.envmon.standards.air.IaqiRounding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real data, DAILY values: EnvMon's station and city daily values vs what the CNEMC 2019 publication carries
 * (../shared/data/air/README.md §2). At label 0 of day D+1 (the end of natural day D, our hour index 24·D+23) the
 * official {@code *_24h} rows are CNEMC's 24-h moving means over the hours of day D, i.e. its natural-day means,
 * {@code O3_8h_24h} its O3 daily maximum 8-h mean and {@code O3_24h} its O3 daily maximum 1-h value.
 * <ol>
 *   <li>Station 24-h means (SO2, NO2, PM10, PM2.5, CO), O3 daily max 8-h, O3 daily max 1-h: ours
 *       ({@link AirEvaluator#daily}) vs those rows, on "complete" days (all 24 hours of the pollutant published)
 *       and on all days.</li>
 *   <li>Station daily AQI: ours vs {@link AirQualityIndex#daily} (2012) of the seven official daily values.</li>
 *   <li>City daily AQI: ours (city hourly means of the non-control stations, {@link AirEvaluator#cityMean}, then
 *       {@link AirEvaluator#daily}) vs the daily AQI of the mean of the official station daily values (each
 *       indicator: mean of the non-control stations' values, GB/T 8170-rounded once), and vs our own
 *       {@link AirEvaluator#cityDailyFromStationDays} (mean of our station daily values).</li>
 * </ol>
 * Default: Beijing and Haikou, a few seconds; {@code -Denvmon.golden.cities=all} runs all 22 cities and prints the
 * disagreement categories. The figures measured once are in the constants; the test fails below them minus a hair.
 * Control sites (对照点) come from the national station list (../shared/data/air/stations); both city values use
 * the same station set, so the choice does not affect the agreement.
 */
class CnemcDaily2019Test {

    /*
     * MEASURED once over all 22 cities (-Denvmon.golden.cities=all; days 2019-01-01 … 2019-12-31, official value at
     * label 0 of D+1; "complete" = all 24 hours of the pollutant published for that station and day):
     *
     *              complete days                    all days (both sides valid)
     *   SO2        50,047 / 50,047  100 %           69,446 / 70,905  97.94 %
     *   NO2        49,768 / 49,768  100 %           64,996 / 70,759  91.86 %
     *   PM10       39,543 / 39,543  100 %           55,814 / 64,124  87.04 %
     *   PM2.5      48,040 / 48,041  99.998 %        63,729 / 69,955  91.10 %
     *   CO         48,544 / 49,511  98.05 %         68,516 / 70,619  97.02 %
     *   O3 max 8-h 47,790 / 47,804  99.971 %        64,073 / 69,413  92.31 %
     *   O3 max 1-h 47,804 / 47,804  100 %           69,643 / 70,304  99.06 %
     *   station daily AQI (all six complete) 31,822 / 31,830 = 99.975 %; all days 63,876 / 72,096 = 88.60 %
     *   city daily AQI, ours vs official-station-mean: all days 4,438 / 7,568 = 58.6 %; days whose station daily
     *   values agree on both sides 1,462 / 2,021 = 72.3 %; of those with every station-hour published 163 / 209
     *   = 78.0 %
     * The default run (Beijing + Haikou) is in DEFAULT below. Runtime: 22 cities ≈ 10–20 s, default ≈ 2 s.
     *
     * COMPLETE DAYS, every difference:
     * - CO, 967: the published 1-h values (1 decimal) average to exactly x.x5 and CNEMC rounded 479 down, 488 up
     *   (e.g. 1008A 2019-01-15 official 0.5 / ours 0.6; 1008A 2019-01-03 1.5 / 1.4): CNEMC averages CO at a precision
     *   finer than it publishes, so such a tie is not decidable from the data. Every other complete CO day agrees.
     * - Integer pollutants round GB/T 8170 half-even, as we do: of the 3,827 complete days whose mean is exactly
     *   q + 0.5 with q even, the official value is q (half-even) in all, q + 1 (half-up) in none.
     * - PM2.5, 1: Beijing 1003A 2019-10-08 (published hours average 7.5, official 7), the last day of Beijing's
     *   separate publication path of 2019-09-30 … 10-08 (see AqiGoldenTest).
     * - O3 max 8-h, 12: CNEMC caps its published O3 8-h mean at 300 µg/m³ (no O3_8h or O3_8h_24h value above 300 in
     *   any city; the O3_8h row plateaus at 300, e.g. Chengdu 1431A 2019-08-17 official 300, ours 308; 8 of the 12
     *   in Shijiazhuang, 5 on 2019-07-04, and Shenzhen). 2: one official 8-h value inconsistent with the published
     *   hours, both the window ending 2019-12-22 22:00 (Haikou 1412A 88 vs the hours' 85.5; Nanjing 1157A 50 vs
     *   49): the 1-h value of that hour was revised after the 8-h mean was published.
     * - Daily AQI, 8: all the O3 8-h cap (e.g. Chengdu 1431A 2019-08-17: official 207, ours 209).
     *
     * O3_8h_24h AND THE MIDNIGHT RESTART: on every complete day (47,804) O3_8h_24h at label 0 equals the maximum of
     * the official O3_8h row over labels 08–24, i.e. exactly the 17 in-day windows of HJ 663 that we use. CNEMC's
     * restarted partial means of labels 01–07 are not part of it (they would be larger on 4,612 complete days, e.g.
     * 1003A 2019-01-02: 22 vs 23), and no window crosses midnight, so neither causes a difference. What does is
     * window validity (below) and hours CNEMC did not publish.
     *
     * INCOMPLETE DAYS (hours missing from the publication). The official daily value is CNEMC's 24-h moving mean /
     * max, computed from data it has but did not publish: either hours absent from the archive for the whole city
     * (126,980 of 131,040 rows are present; 2019-04-08 is missing) or the station's 1-h cell left empty (PM10 1-h
     * cells are empty with PM2.5 published 91,645 times, the reverse 15,761 times, hence PM10's larger counts).
     * - 20–23 h published, value differs: SO2 1,459, NO2 5,763, PM10 8,310, PM2.5 6,225, CO 1,136 (archive gaps
     *   1,409 / 5,574 / 5,802 / 4,435 / 933; e.g. 1010A 2019-02-03 SO2 4 vs 3 with 23 h).
     * - < 20 h published (we are invalid, GB 3095 ≥ 20 h), official present: SO2 4,807, NO2 4,950, PM10 11,380,
     *   PM2.5 5,742, CO 5,084 (e.g. 1002A 2019-01-01, 1 h published, official PM10 29): CNEMC's moving mean applies
     *   no 20-h rule we can see.
     * - O3 max 8-h, we are invalid (HJ 663: < 14 valid windows and max ≤ 160), official present, 6,287: 3,428 equal
     *   the max over the in-day windows of whatever hours were published (CNEMC applies no ≥ 6-h window / ≥ 14-window
     *   rule, e.g. 1011A 2019-01-01, 12 h, 7 valid windows, official 50); 2,859 are not reproducible (unpublished
     *   hours, 2,329 in archive gaps).
     * - O3 max 8-h differs, 5,326: 174 where the official max is a window with < 6 published hours (no ≥ 6-h rule;
     *   e.g. 1001A 2019-07-12, 12 h, official 206 / ours 202); 5,152 windows with unpublished hours (4,815 archive
     *   gaps), official higher 1,731, lower 3,421.
     * - O3 max 1-h: 661 official higher (the day's peak in an unpublished hour, e.g. 1008A 2019-04-11 114 / 112),
     *   never lower; 5,409 we are invalid (< 20 h and max ≤ 200).
     * - No official value (ours present): 2019-04-07 (the 2019-04-08 file is missing), 2019-12-31 (no 2020-01-01
     *   00:00), label 0 rows absent from the archive or empty city-wide (Beijing 2019-09-30 … 10-07), ≈ 10 cells.
     * - Daily AQI, incomplete days, by the indicator that decides the difference: O3 8-h 4,021 (875 valid on one
     *   side only), PM10 1,575 (475), PM2.5 1,353 (168), NO2 1,239 (126), O3 1-h 19, CO 4, SO2 1; AQI on one side only
     *   5,018 (all indicators invalid on our side, mostly < 20 h, or no official row).
     *
     * CITY DAILY AQI. "Official" = daily AQI of the mean of the non-control stations' official daily values (each
     * indicator rounded once); ours = city hourly means, then the daily values (AirEvaluator, digest §2A.5). When
     * the stations' daily values agree on both sides (2,021 city-days), alt (cityDailyFromStationDays on our
     * station days) equals the official value on all of them (a check of this test), and ours differs on 559:
     * - O3, 348 (O3 8-h 326, 1-h 22; e.g. Chengdu 2019-06-09 official 102, ours 101): the mean of the stations'
     *   daily maxima is ≥ the maximum of the city's hourly means (stations peak at different hours). On city-days
     *   with every station-hour published the indicators agree only 601 / 1,150 (O3 8-h) and 142 / 1,150 (O3 1-h),
     *   official higher in 539 and 1,008 (the 10 "ours higher" are rounding). This is the one systematic
     *   difference of the two orders; the CNEMC city values that would decide which order it uses are not in
     *   these data.
     * - 24-h means, 211 (NO2 69, PM10 75, PM2.5 67): rounding order (the official mean averages station values
     *   already rounded to integers, ours rounds once; 9 of the 46 differences on fully published days, e.g. Guangzhou
     *   2019-10-13 PM10 50 vs 49) and hour weighting (stations missing different hours: each station's mean
     *   weighs its own hours, ours weighs each hour by the stations present; e.g. Chengdu 2019-03-05 NO2 53 vs 52).
     *   Per indicator, on fully published days, rounding order alone flips 8.8–10.0 % of the city 24-h means
     *   (SO2 122 / 1,392, NO2 136 / 1,364, PM10 75 / 805, PM2.5 113 / 1,175, CO 101 / 1,136), both directions
     *   about equally.
     * The other 2,571 differences (and 357 AQIs on one side only) come from days whose station daily values already
     * differ (the station classes above); alt agrees with the official value on 5,630 / 7,589 days overall.
     *
     * CITY DAILY ROUNDING. The national real-time city publication rounds the city hourly concentration and IAQI half
     * up (AqiRounding). Whether its city daily values do cannot be checked here: these data carry no city value. What
     * they show: the station 24-h means of the same publication round half-even (the 3,827 ties above), and its
     * station hourly AQI is carried up (AqiGoldenTest: half up would fit 85.2 % instead of 99.96 %). Decision: the
     * city daily values keep the standard's rule (24-h means GB/T 8170, IAQI carried up). What is at stake: with the
     * IAQI rounded half up, 1,537 of 7,712 city daily AQIs would be one lower, none of them from 101 to 100 (daily
     * values are integers: at 100 → 101 every row but SO2 steps by ≥ 0.5 IAQI per µg/m³), so good-day counts do not
     * move in these data.
     */

    /** Agreement figures of one selection: the test fails below them minus {@link #HAIR}. */
    record Figures(double[] stationComplete, double[] stationAll, double aqiComplete, double aqiAll, double cityAll,
            double cityInputsAgree, double cityFull) {
    }

    static final String DEFAULT_CITIES = "beijing,haikou";
    /**
     * Default run, Beijing + Haikou (measured): station indicators complete SO2 4,344/4,344, NO2 4,360/4,360, PM10
     * 2,743/2,743, PM2.5 3,589/3,590, CO 4,078/4,153, O3 max 8-h 3,382/3,383, O3 max 1-h 3,383/3,383; daily AQI
     * complete 1,764/1,764, all days 4,826/5,686; city AQI 401/682, inputs agree 120/177, fully published 38/52.
     */
    static final Figures DEFAULT = new Figures(new double[] {1, 1, 1, 0.99972, 0.98194, 0.99970, 1},
            new double[] {0.99070, 0.92934, 0.79811, 0.82250, 0.97493, 0.91059, 0.98910}, 1, 0.84875, 0.58798,
            0.67797, 0.73077);
    /** All 22 cities (measured, see above). */
    static final Figures ALL = new Figures(new double[] {1, 1, 1, 0.99998, 0.98047, 0.99971, 1},
            new double[] {0.97942, 0.91855, 0.87041, 0.91100, 0.97022, 0.92307, 0.99060}, 0.99975, 0.88599, 0.58642,
            0.72340, 0.77990);
    static final double HAIR = 0.0005;

    static final HourGrid GRID = HourGrid.of(LocalDate.of(2018, 12, 31), LocalDate.of(2019, 12, 31));
    /** Official rows, indexed as the StationDaily indicators (0–4 pollutants, 5 O3 max 8-h, 6 O3 max 1-h), + O3_8h. */
    static final List<String> OFFICIAL = List.of("SO2_24h", "NO2_24h", "PM10_24h", "PM2.5_24h", "CO_24h",
            "O3_8h_24h", "O3_24h", "O3_8h");
    static final int O3_8H_ROW = 7;
    static final List<String> NAMES = List.of("SO2", "NO2", "PM10", "PM2.5", "CO", "O3_8h", "O3_1h");
    static final List<String> KEYS = List.of("so2", "no2", "pm10", "pm25", "co", "o3_8h", "o3_1h");

    /** Comparison counts with disagreement categories (count + first example). */
    static final class Tally {
        long both;
        long agree;
        long completeBoth;
        long completeAgree;
        long fullBoth;
        long fullAgree;
        long onlyOfficial;
        long onlyOurs;
        final Map<String, Long> categories = new TreeMap<>();
        final Map<String, String> examples = new HashMap<>();

        void add(long off, long ours, boolean complete, Supplier<String> category, String example) {
            add(off, ours, complete, false, category, example);
        }

        /**
         * Counts one pair ({@code full}: a stricter subset of {@code complete}, city values only); on a disagreement
         * (incl. one side missing) {@code category} is evaluated and counted.
         */
        void add(long off, long ours, boolean complete, boolean full, Supplier<String> category, String example) {
            if (off >= 0 && ours >= 0) {
                both++;
                completeBoth += complete ? 1 : 0;
                fullBoth += full ? 1 : 0;
                if (off == ours) {
                    agree++;
                    completeAgree += complete ? 1 : 0;
                    fullAgree += full ? 1 : 0;
                    return;
                }
            } else if (off >= 0) {
                onlyOfficial++;
            } else if (ours >= 0) {
                onlyOurs++;
            } else {
                return;
            }
            String c = category.get();
            categories.merge(c, 1L, Long::sum);
            examples.putIfAbsent(c, example);
        }

        double rate() {
            return both == 0 ? 1 : (double) agree / both;
        }

        double completeRate() {
            return completeBoth == 0 ? 1 : (double) completeAgree / completeBoth;
        }

        double fullRate() {
            return fullBoth == 0 ? 1 : (double) fullAgree / fullBoth;
        }

        void print(String name) {
            System.out.printf("[cnemc-daily] %-16s both=%d agree=%d (%.5f) | complete=%d agree=%d (%.5f) | "
                    + "only-official=%d only-ours=%d%n", name, both, agree, rate(), completeBoth, completeAgree,
                    completeRate(), onlyOfficial, onlyOurs);
            if (fullBoth > 0) {
                System.out.printf("[cnemc-daily] %-16s all station-hours published too: %d agree=%d (%.5f)%n", "",
                        fullBoth, fullAgree, fullRate());
            }
            categories.forEach((k, v) -> System.out.printf("[cnemc-daily]     %-100s %6d  e.g. %s%n", k, v,
                    examples.get(k)));
        }
    }

    static String selection;
    static final Tally[] STATION = new Tally[7];
    static final Tally O3_ROW = new Tally();
    static final Tally STATION_AQI = new Tally();
    static final Tally[] CITY = new Tally[7];
    static final Tally CITY_AQI = new Tally();
    static final Tally CITY_OURS_ALT = new Tally();
    static final Tally CITY_ALT_OFF = new Tally();
    /** Complete days, integer pollutants, mean exactly q + 0.5 with q even: official = half-even [0] / half-up [1]. */
    static final long[] TIES = new long[2];
    static long millis;
    static long sanity;
    /** City days with our daily AQI: [0] all, [1] AQI different with the IAQI rounded half up, [2] 101 to 100. */
    static final long[] HALF_UP_STAKE = new long[3];

    @BeforeAll
    static void measure() throws IOException {
        selection = System.getProperty("envmon.golden.cities", "beijing,haikou");
        List<Path> files = CnemcCityFile.files(selection);
        assumeTrue(!files.isEmpty(), "CNEMC 2019 data not found (../shared/data/air/cnemc-2019-cities, cities "
                + selection + "): real-data daily test skipped");
        for (int k = 0; k < 7; k++) {
            STATION[k] = new Tally();
            CITY[k] = new Tally();
        }
        Map<String, Boolean> control = CnemcCityFile.controlFlags();
        long t0 = System.nanoTime();
        for (Path f : files) {
            new City(CnemcCityFile.load(f, GRID, OFFICIAL, control)).run();
        }
        millis = (System.nanoTime() - t0) / 1_000_000;
    }

    static BigDecimal dec(long milli) {
        return milli < 0 ? null : BigDecimal.valueOf(milli, 3);
    }

    /** Daily AQI report (2012) of seven indicator values in StationDaily order. */
    static AqiResult report(long[] v) {
        return AirQualityIndex.daily(AirEdition.E2012, new AirQualityIndex.DailyInput(dec(v[0]), dec(v[1]),
                dec(v[2]), dec(v[3]), dec(v[4]), dec(v[6]), dec(v[5])));
    }

    /** Daily AQI (2012) of seven indicator values with the IAQI rounded half up instead of carried up. */
    static long halfUpAqi(long[] v) {
        AqiIndicator[] rows = {AqiIndicator.SO2_24H, AqiIndicator.NO2_24H, AqiIndicator.PM10_24H,
            AqiIndicator.PM25_24H, AqiIndicator.CO_24H, AqiIndicator.O3_8H, AqiIndicator.O3_1H};
        long max = -1;
        for (int k = 0; k < 7; k++) {
            if (v[k] >= 0 && (k != 5 || v[k] <= 800_000)) {
                max = Math.max(max, AirQualityIndex.iaqi(AirEdition.E2012, IaqiRounding.HALF_UP, rows[k], dec(v[k])));
            }
        }
        return max;
    }

    static long aqi(AqiResult r) {
        return r.aqi().isPresent() ? r.aqi().getAsInt() : -1;
    }

    static String vals(long[] v) {
        StringBuilder b = new StringBuilder("[");
        for (long x : v) {
            b.append(b.length() > 1 ? "," : "").append(x < 0 ? "-" : BigDecimal.valueOf(x, 3).stripTrailingZeros()
                    .toPlainString());
        }
        return b.append(']').toString();
    }

    /**
     * The indicators that decide an AQI disagreement: on the side with the higher AQI, those at that AQI whose value
     * differs from (or is missing on) the other side, and which side is higher.
     */
    static String decisive(long[] a, AqiResult ra, long[] b, AqiResult rb) {
        boolean firstHigher = aqi(ra) > aqi(rb);
        long[] hv = firstHigher ? a : b;
        long[] lv = firstHigher ? b : a;
        AqiResult h = firstHigher ? ra : rb;
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < 7; k++) {
            if (hv[k] != lv[k] && h.iaqi(KEYS.get(k)).orElse(-1) == aqi(h)) {
                s.append(s.length() > 0 ? "+" : "").append(NAMES.get(k)).append(lv[k] < 0 ? " valid on one side" : "");
            }
        }
        return (s.length() == 0 ? "other" : s) + (firstHigher ? " (official higher)" : " (ours higher)");
    }

    /** One city's comparisons. */
    static final class City {
        final CnemcCityFile c;
        final int n;
        final StationHourSeries[] series;
        final StationDaily[] daily;
        final boolean[] eval;
        /** gap[p][h]: no station of the city has a 1-h value (the hour is absent from the archive). */
        final boolean[][] gap;

        City(CnemcCityFile c) {
            this.c = c;
            n = c.stations.length;
            series = new StationHourSeries[n];
            daily = new StationDaily[n];
            eval = new boolean[n];
            gap = new boolean[AirPollutants.COUNT][GRID.hours()];
            for (boolean[] g : gap) {
                java.util.Arrays.fill(g, true);
            }
            for (int s = 0; s < n; s++) {
                series[s] = c.builders[s].build();
                daily[s] = AirEvaluator.daily(series[s]);
                boolean active = false;
                for (int p = 0; p < AirPollutants.COUNT; p++) {
                    for (int i = 0; i < GRID.hours(); i++) {
                        if (series[s].value(p, i) >= 0) {
                            active = true;
                            gap[p][i] = false;
                        }
                    }
                }
                eval[s] = active && !c.control[s];
            }
        }

        int hours(int s, int p, int d) {
            int k = 0;
            for (int h = 24 * d; h < 24 * d + 24; h++) {
                k += series[s].value(p, h) >= 0 ? 1 : 0;
            }
            return k;
        }

        boolean archiveGap(int s, int p, int d) {
            for (int h = 24 * d; h < 24 * d + 24; h++) {
                if (series[s].value(p, h) < 0 && gap[p][h]) {
                    return true;
                }
            }
            return false;
        }

        /** Why the official value of indicator k is missing at the end of day d. */
        String noOfficial(int k, int d) {
            int last = 24 * d + 23;
            for (int s = 0; s < n; s++) {
                if (c.official[k][s][last] >= 0) {
                    return "station's official cell empty";
                }
            }
            LocalDate day = GRID.day(d);
            if (day.equals(LocalDate.of(2019, 4, 7))) {
                return "no official row (2019-04-08 absent from the archive)";
            }
            if (day.equals(LocalDate.of(2019, 12, 31))) {
                return "no official row (2020-01-01 00:00 not in the data)";
            }
            return "label 0 of D+1 empty for the whole city (row absent from the archive; Beijing 2019-09-30…10-07)";
        }

        void run() {
            List<StationHourSeries> evalSeries = new ArrayList<>();
            List<StationDaily> evalDaily = new ArrayList<>();
            for (int s = 0; s < n; s++) {
                if (eval[s]) {
                    evalSeries.add(series[s]);
                    evalDaily.add(daily[s]);
                }
            }
            StationDaily cityOurs = AirEvaluator.daily(AirEvaluator.cityMean(c.city, evalSeries));
            StationDaily cityAlt = AirEvaluator.cityDailyFromStationDays(c.city, evalDaily, 1);
            // day 0 (2018-12-31) only carries its last hour: compared are 2019-01-01 … 2019-12-31
            for (int d = 1; d < GRID.days(); d++) {
                station(d);
                city(d, cityOurs, cityAlt);
            }
        }

        void station(int d) {
            int last = 24 * d + 23;
            String day = GRID.day(d).toString();
            for (int s = 0; s < n; s++) {
                station(d, s, last, day);
            }
        }

        void station(int d, int s, int last, String day) {
            int[] hours = new int[AirPollutants.COUNT];
            boolean all = true;
            for (int p = 0; p < AirPollutants.COUNT; p++) {
                hours[p] = hours(s, p, d);
                all &= hours[p] == 24;
            }
            final boolean allHours = all;
            long[] off = new long[7];
            long[] ours = new long[7];
            for (int k = 0; k < 7; k++) {
                off[k] = c.official[k][s][last];
                ours[k] = daily[s].value(k, d);
            }
            String ex = day + " " + c.stations[s];
            for (int k = 0; k < 5; k++) {
                tie(k, s, d, hours[k], off[k]);
                final int kk = k;
                STATION[k].add(off[k], ours[k], hours[k] == 24, () -> mean24(kk, s, d, hours[kk], off[kk],
                        ours[kk]), ex + " off=" + dec(off[k]) + " ours=" + dec(ours[k]) + " h=" + hours[k]);
            }
            int o3 = AirPollutants.O3;
            STATION[5].add(off[5], ours[5], hours[o3] == 24, () -> o3Max8h(s, d, hours[o3], off[5], ours[5]),
                    ex + " off=" + dec(off[5]) + " ours=" + dec(ours[5]) + " h=" + hours[o3] + " windows="
                            + daily[s].o3ValidWindows(d));
            STATION[6].add(off[6], ours[6], hours[o3] == 24, () -> o3Max1h(s, d, hours[o3], off[6], ours[6]),
                    ex + " off=" + dec(off[6]) + " ours=" + dec(ours[6]) + " h=" + hours[o3]);
            // O3_8h_24h vs the official O3_8h row: its max over labels 08–24, and over labels 01–24
            long max0824 = -1;
            long max0124 = -1;
            for (int h = 24 * d; h <= last; h++) {
                long v = c.official[O3_8H_ROW][s][h];
                max0124 = Math.max(max0124, v);
                if (h >= 24 * d + 7) {
                    max0824 = Math.max(max0824, v);
                }
            }
            O3_ROW.add(off[5], max0824, hours[o3] == 24, () -> "O3_8h_24h != max of the O3_8h row, labels 08-24",
                    ex);
            if (hours[o3] == 24 && off[5] >= 0 && off[5] == max0824 && max0124 != max0824) {
                String info = "(info) complete day, O3_8h_24h == max 08-24 < max of labels 01-24 (restarted partial "
                        + "means ignored)";
                O3_ROW.categories.merge(info, 1L, Long::sum);
                O3_ROW.examples.putIfAbsent(info, ex + " off=" + dec(off[5]) + " max01-24=" + dec(max0124));
            }
            AqiResult ro = report(off);
            AqiResult ru = report(ours);
            long ourAqi = daily[s].aqi(d);
            if (aqi(ru) != ourAqi) {
                sanity++;
            }
            STATION_AQI.add(aqi(ro), ourAqi, allHours, () -> (allHours ? "complete: " : "incomplete: ")
                    + (aqi(ro) < 0 || ourAqi < 0 ? "AQI on one side only" : decisive(off, ro, ours, ru)),
                    ex + " off=" + aqi(ro) + " ours=" + ourAqi + " " + vals(off) + " vs " + vals(ours));
        }

        /** Counts the ties of complete days where half-even and half-up differ (integer pollutants). */
        void tie(int p, int s, int d, int hours, long off) {
            if (p == AirPollutants.CO || hours < 24 || off < 0) {
                return;
            }
            long sum = 0;
            for (int h = 24 * d; h < 24 * d + 24; h++) {
                sum += series[s].value(p, h);
            }
            long q = sum / 24_000;
            if (sum % 24_000 == 12_000 && q % 2 == 0) {
                if (off == q * 1000) {
                    TIES[0]++;
                } else if (off == (q + 1) * 1000) {
                    TIES[1]++;
                }
            }
        }

        String mean24(int p, int s, int d, int hours, long off, long ours) {
            String gapNote = archiveGap(s, p, d) ? " (an hour absent from the archive for the whole city)"
                    : " (station cells empty)";
            if (off < 0) {
                return "no official value: " + noOfficial(p, d);
            }
            if (ours < 0) {
                return "ours invalid (< 20 h published), official present" + gapNote;
            }
            if (hours < 24) {
                return "20-23 h published, differs: CNEMC averages hours it did not publish" + gapNote;
            }
            long sum = 0;
            for (int h = 24 * d; h < 24 * d + 24; h++) {
                sum += series[s].value(p, h);
            }
            long unit = AirPollutants.reportUnit(p);
            if (p == AirPollutants.CO && 2 * (sum % (24 * unit)) == 24 * unit) {
                return "complete, CO tie: the published values' mean is exactly x.x5, official rounded "
                        + (off < ours ? "down" : "up");
            }
            return "complete, differs";
        }

        /** Max over the in-day windows (ending 08–24) of the mean of the published hours, no minimum, rounded. */
        long anyWindowMax(int s, int d) {
            long bestS = -1;
            long bestC = 1;
            for (int k = 0; k <= 16; k++) {
                long sum = 0;
                int cnt = 0;
                for (int h = 24 * d + k; h < 24 * d + k + 8; h++) {
                    long v = series[s].value(AirPollutants.O3, h);
                    if (v >= 0) {
                        sum += v;
                        cnt++;
                    }
                }
                if (cnt > 0 && (bestS < 0 || sum * bestC > bestS * cnt)) {
                    bestS = sum;
                    bestC = cnt;
                }
            }
            return bestS < 0 ? -1 : AirPollutants.reportMean(AirPollutants.O3, bestS, bestC);
        }

        String o3Max8h(int s, int d, int hours, long off, long ours) {
            if (off < 0) {
                return "no official value: " + noOfficial(5, d);
            }
            boolean gapped = archiveGap(s, AirPollutants.O3, d);
            boolean anyWindow = anyWindowMax(s, d) == off;
            if (ours < 0) {
                return "ours invalid (HJ 663: " + (daily[s].o3ValidWindows(d) < 6 ? "< 6" : "6-13")
                        + " valid windows, max <= 160), official present: " + (anyWindow
                                ? "= max over the windows of the published hours, no >= 6 h / >= 14 windows rule"
                                : "not reproducible from the published hours" + (gapped ? " (archive gap)" : ""));
            }
            if (hours == 24) {
                return off == 300_000 && ours > off ? "complete, differs: official capped at 300"
                        : "complete, differs: an official 8-h value inconsistent with the published hours";
            }
            if (anyWindow) {
                return "incomplete, differs: official max is a window with < 6 published hours (no >= 6 h rule)";
            }
            return "incomplete, differs: official windows include hours it did not publish, official "
                    + (off > ours ? "higher" : "lower") + (gapped ? " (archive gap)" : "");
        }

        String o3Max1h(int s, int d, int hours, long off, long ours) {
            if (off < 0) {
                return "no official value: " + noOfficial(6, d);
            }
            if (ours < 0) {
                return "ours invalid (< 20 h published, max <= 200), official present";
            }
            return (hours == 24 ? "complete" : "incomplete") + ", differs: official "
                    + (off > ours ? "higher (a maximum in an unpublished hour)" : "lower");
        }

        void city(int d, StationDaily cityOurs, StationDaily cityAlt) {
            int last = 24 * d + 23;
            long[] off = new long[7];
            long[] ours = new long[7];
            long[] alt = new long[7];
            boolean[] inputsAgree = new boolean[7];
            boolean[] allHours = new boolean[7];
            for (int k = 0; k < 7; k++) {
                int p = Math.min(k, AirPollutants.O3);
                long sum = 0;
                int cnt = 0;
                inputsAgree[k] = true;
                allHours[k] = true;
                for (int s = 0; s < n; s++) {
                    if (!eval[s]) {
                        continue;
                    }
                    long o = c.official[k][s][last];
                    if (o >= 0) {
                        sum += o;
                        cnt++;
                    }
                    inputsAgree[k] &= o == daily[s].value(k, d);
                    allHours[k] &= hours(s, p, d) == 24;
                }
                off[k] = cnt > 0 ? AirPollutants.reportMean(p, sum, cnt) : -1;
                ours[k] = cityOurs.value(k, d);
                alt[k] = cityAlt.value(k, d);
            }
            String ex = GRID.day(d) + " " + c.city;
            boolean agreeAll = true;
            boolean hoursAll = true;
            for (int k = 0; k < 7; k++) {
                final int kk = k;
                agreeAll &= inputsAgree[k];
                hoursAll &= allHours[k];
                CITY[k].add(off[k], ours[k], inputsAgree[k], inputsAgree[k] && allHours[k], () -> cityIndicator(kk,
                        inputsAgree[kk], allHours[kk], off[kk], ours[kk]), ex + " off=" + dec(off[k]) + " ours="
                                + dec(ours[k]));
            }
            final boolean inAgree = agreeAll;
            final String prefix = !agreeAll ? "station inputs differ: "
                    : hoursAll ? "station inputs agree, all station-hours published: "
                            : "station inputs agree, station-hours missing: ";
            AqiResult ro = report(off);
            AqiResult ru = report(ours);
            AqiResult ra = report(alt);
            if (aqi(ru) != cityOurs.aqi(d) || aqi(ra) != cityAlt.aqi(d)) {
                sanity++;
            }
            if (aqi(ru) >= 0) {
                long h = halfUpAqi(ours);
                HALF_UP_STAKE[0]++;
                HALF_UP_STAKE[1] += h != aqi(ru) ? 1 : 0;
                HALF_UP_STAKE[2] += h == 100 && aqi(ru) == 101 ? 1 : 0;
            }
            final boolean full = agreeAll && hoursAll;
            CITY_AQI.add(aqi(ro), aqi(ru), inAgree, full, () -> prefix + (aqi(ro) < 0 || aqi(ru) < 0
                    ? "AQI on one side only" : decisive(off, ro, ours, ru)),
                    ex + " off=" + aqi(ro) + " ours=" + aqi(ru) + " " + vals(off) + " vs " + vals(ours));
            CITY_OURS_ALT.add(aqi(ra), aqi(ru), inAgree, full, () -> prefix + (aqi(ra) < 0 || aqi(ru) < 0
                    ? "AQI on one side only" : decisive(alt, ra, ours, ru).replace("official", "alt")),
                    ex + " alt=" + aqi(ra) + " ours=" + aqi(ru) + " " + vals(alt) + " vs " + vals(ours));
            CITY_ALT_OFF.add(aqi(ro), aqi(ra), inAgree, full, () -> prefix + (aqi(ro) < 0 || aqi(ra) < 0
                    ? "AQI on one side only" : decisive(off, ro, alt, ra).replace("ours", "alt")),
                    ex + " off=" + aqi(ro) + " alt=" + aqi(ra) + " " + vals(off) + " vs " + vals(alt));
        }

        String cityIndicator(int k, boolean inputsAgree, boolean allHours, long off, long ours) {
            if (off < 0 || ours < 0) {
                return (off < 0 ? "only ours" : "only official") + (inputsAgree ? "" : " (station inputs differ)");
            }
            String sign = off > ours ? "official higher" : "ours higher";
            if (!inputsAgree) {
                return "station inputs differ, " + sign;
            }
            if (k >= 5) {
                return "inputs agree, " + (allHours ? "all hours published" : "hours missing")
                        + ": mean of station maxima vs max of the city means, " + sign;
            }
            return "inputs agree, " + (allHours ? "all hours published: rounding order (station values rounded first), "
                    : "hours missing: hour weighting + rounding order, ") + sign;
        }
    }

    /** The figures for the selection run, or null for a custom selection (printed only). */
    static Figures expected() {
        return selection.equals("all") ? ALL : selection.equals(DEFAULT_CITIES) ? DEFAULT : null;
    }

    @Test
    void stationDailyValuesAgreeWithCnemc() {
        for (int k = 0; k < 7; k++) {
            STATION[k].print("station " + NAMES.get(k));
        }
        O3_ROW.print("O3_8h_24h/O3_8h");
        System.out.printf("[cnemc-daily] integer 24-h means, complete days, ties where half-even and half-up differ: "
                + "official = half-even %d, half-up %d%n", TIES[0], TIES[1]);
        System.out.printf("[cnemc-daily] cities=%s in %d ms%n", selection, millis);
        // the official O3 daily max 8-h is the max over the in-day windows ending 08-24, and ties round half-even
        assertThat(O3_ROW.completeRate()).isEqualTo(1.0);
        assertThat(TIES[1]).isZero();
        Figures f = expected();
        if (f == null) {
            return;
        }
        for (int k = 0; k < 7; k++) {
            assertThat(STATION[k].completeRate()).as(NAMES.get(k) + " complete days")
                    .isGreaterThanOrEqualTo(f.stationComplete()[k] - HAIR);
            assertThat(STATION[k].rate()).as(NAMES.get(k) + " all days")
                    .isGreaterThanOrEqualTo(f.stationAll()[k] - HAIR);
            assertThat(STATION[k].completeBoth).isGreaterThan(2_500);
        }
    }

    @Test
    void stationDailyAqiAgreesWithCnemcDailyValues() {
        STATION_AQI.print("station AQI");
        assertThat(sanity).as("AqiKernel daily AQI == AirQualityIndex.daily of the same values").isZero();
        Figures f = expected();
        if (f != null) {
            assertThat(STATION_AQI.completeRate()).isGreaterThanOrEqualTo(f.aqiComplete() - HAIR);
            assertThat(STATION_AQI.rate()).isGreaterThanOrEqualTo(f.aqiAll() - HAIR);
            assertThat(STATION_AQI.completeBoth).isGreaterThan(1_500);
        }
    }

    @Test
    void cityDailyAqiVersusMeanOfStationDays() {
        for (int k = 0; k < 7; k++) {
            CITY[k].print("city " + NAMES.get(k));
        }
        CITY_AQI.print("city AQI off/ours");
        CITY_OURS_ALT.print("city AQI alt/ours");
        CITY_ALT_OFF.print("city AQI off/alt");
        System.out.printf("[cnemc-daily] city daily AQI if the IAQI were rounded half up: %d of %d city-days differ "
                + "(%d from 101 to 100)%n", HALF_UP_STAKE[1], HALF_UP_STAKE[0], HALF_UP_STAKE[2]);
        // with the same station daily values, cityDailyFromStationDays is the official order exactly
        assertThat(CITY_ALT_OFF.completeRate()).isEqualTo(1.0);
        Figures f = expected();
        if (f != null) {
            assertThat(CITY_AQI.rate()).isGreaterThanOrEqualTo(f.cityAll() - HAIR);
            assertThat(CITY_AQI.completeRate()).isGreaterThanOrEqualTo(f.cityInputsAgree() - HAIR);
            assertThat(CITY_AQI.fullRate()).isGreaterThanOrEqualTo(f.cityFull() - HAIR);
            assertThat(CITY_AQI.fullBoth).isGreaterThan(40);
        }
    }
}
