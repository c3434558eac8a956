package org.envmon.bench.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.envmon.evaluation.AirEvaluator;
import org.envmon.evaluation.AirPollutants;
import org.envmon.evaluation.AirRanking;
import org.envmon.evaluation.HourGrid;
import org.envmon.evaluation.StationDaily;
import org.envmon.evaluation.StationHourSeries;
import org.envmon.evaluation.StationHourly;
import org.envmon.standards.air.AirQualityEvaluation.PeriodEvaluation;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Issue 5 benchmark (plain main, pure compute, no store): one year of station hourly + daily AQI for 1,734 stations
 * × 8,760 hours (≈ 15.2 M station-hours, synthetic, 2 % gaps), the city hourly/daily values of 339 cities (stations
 * dealt round-robin, ≈ 5 per city, one control site in ten), and the 339-city annual ranking (HJ 663 period
 * evaluation of this year and the previous year, then the three rankings). Generation of the synthetic input is
 * timed apart. Two passes: the previous year (also JIT warm-up), then the measured year.
 *
 * <pre>java -cp envmon-bench/target/envmon-bench.jar org.envmon.bench.evaluation.AirEvaluationBench \
 *     [--stations 1734] [--cities 339] [--threads 1]</pre>
 */
public final class AirEvaluationBench {

    private AirEvaluationBench() {
    }

    @Option(names = "--stations") int stations = 1734;
    @Option(names = "--cities") int cities = 339;
    @Option(names = "--threads") int threads = 1;

    public static void main(String[] args) throws Exception {
        CommandLine.populateCommand(new AirEvaluationBench(), args).run();
    }

    private void run() throws Exception {
        Map<String, PeriodEvaluation> last = null;
        Map<String, PeriodEvaluation> current = null;
        Map<String, StationDaily> lastDaily = null;
        Map<String, StationDaily> currentDaily = null;
        for (int year : new int[] {2024, 2025}) {
            Map<String, StationDaily> daily = pipeline(year, stations, cities, threads);
            if (year == 2024) {
                lastDaily = daily;
            } else {
                currentDaily = daily;
            }
        }
        // ranking: 339 annual evaluations for each year, then the rankings
        for (int rep = 0; rep < 5; rep++) {
            long t0 = System.nanoTime();
            last = evaluate(lastDaily, 2024);
            current = evaluate(currentDaily, 2025);
            long t1 = System.nanoTime();
            int n = 0;
            for (AirRanking.By by : AirRanking.By.values()) {
                n += AirRanking.rank(current, last, by).ranked().size();
            }
            long t2 = System.nanoTime();
            System.out.printf("ranking %d cities: period evaluations (2 years) %.1f ms + 3 rankings %.1f ms = %.1f ms"
                    + " (%d ranked entries)%n", current.size(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t2 - t0) / 1e6, n);
        }
    }

    static Map<String, PeriodEvaluation> evaluate(Map<String, StationDaily> daily, int year) {
        Map<String, PeriodEvaluation> out = new HashMap<>();
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        daily.forEach((c, d) -> out.put(c, AirEvaluator.period(d, from, to)));
        return out;
    }

    /** Returns the city daily values of the year. */
    static Map<String, StationDaily> pipeline(int year, int stations, int cities, int threads) throws Exception {
        HourGrid grid = HourGrid.ofYear(year);
        AtomicLong gen = new AtomicLong();
        AtomicLong station = new AtomicLong();
        AtomicLong city = new AtomicLong();
        AtomicLong checksum = new AtomicLong();
        Map<String, StationDaily> out = new java.util.concurrent.ConcurrentHashMap<>();
        final int nCities = cities;
        final int nStations = stations;
        long t0 = System.nanoTime();
        ForkJoinPool pool = new ForkJoinPool(threads);
        pool.submit(() -> IntStream.range(0, nCities).parallel().forEach(c -> {
            String name = "C" + c;
            List<StationHourSeries> series = new ArrayList<>();
            long a = System.nanoTime();
            for (int s = c; s < nStations; s += nCities) {
                series.add(synthetic("S" + s, name, s % 10 == 9, grid, year * 10_000L + s));
            }
            long b = System.nanoTime();
            long sum = 0;
            for (StationHourSeries s : series) {
                StationHourly h = AirEvaluator.hourly(s);
                StationDaily d = AirEvaluator.daily(s);
                sum += h.aqi(100) + d.aqi(10);
            }
            long e = System.nanoTime();
            StationHourSeries cs = AirEvaluator.cityMean(name, series);
            StationHourly ch = AirEvaluator.hourly(cs);
            StationDaily cd = AirEvaluator.daily(cs);
            sum += ch.aqi(200) + cd.aqi(20);
            out.put(name, cd);
            long f = System.nanoTime();
            gen.addAndGet(b - a);
            station.addAndGet(e - b);
            city.addAndGet(f - e);
            checksum.addAndGet(sum);
        })).get();
        pool.shutdown();
        long wall = System.nanoTime() - t0;
        long stationHours = (long) nStations * grid.hours();
        System.out.printf("%d: %d stations x %d h = %,d station-hours, %d cities, %d thread(s)%n", year, nStations,
                grid.hours(), stationHours, nCities, threads);
        System.out.printf("  station hourly+daily %.2f s (%.1f M station-hours/s per thread)"
                + " | city mean+hourly+daily %.2f s | synthetic input %.2f s | wall %.2f s (checksum %d)%n",
                station.get() / 1e9, stationHours / (station.get() / 1e9) / 1e6, city.get() / 1e9, gen.get() / 1e9,
                wall / 1e9, checksum.get());
        return out;
    }

    static StationHourSeries synthetic(String code, String city, boolean control, HourGrid grid, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StationHourSeries.Builder b = StationHourSeries.builder(code, city, control, grid);
        int[] base = {10, 35, 80, 50, 900, 60};
        for (int i = 0; i < grid.hours(); i++) {
            int hod = i % 24;
            for (int p = 0; p < AirPollutants.COUNT; p++) {
                if (r.nextInt(50) == 0) {
                    continue; // 2 % gaps
                }
                int v = base[p] + r.nextInt(base[p] * 2);
                if (p == AirPollutants.O3) {
                    v += hod > 10 && hod < 18 ? 80 : 0;
                }
                b.put(p, i, p == AirPollutants.CO ? v : v * 1000L);
            }
        }
        return b.build();
    }
}
