package org.envmon.bench.evaluation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.envmon.evaluation.AirEvaluator;
import org.envmon.evaluation.AirPollutants;
import org.envmon.evaluation.AirRanking;
import org.envmon.evaluation.HourGrid;
import org.envmon.evaluation.StationDaily;
import org.envmon.evaluation.StationHourSeries;
import org.envmon.evaluation.StationHourly;
import org.envmon.evaluation.derived.AirDerivation;
import org.envmon.evaluation.derived.DerivedCityPeriods;
import org.envmon.model.HourlyValuesQuery;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.ObservationRow;
import org.envmon.model.PacketWrite;
import org.envmon.model.RawPacket;
import org.envmon.model.Site;
import org.envmon.model.SiteQuery;
import org.envmon.model.Statistic;
import org.envmon.model.Store;
import org.envmon.standards.air.AirQualityEvaluation.PeriodEvaluation;
import org.envmon.store.StoreConfig;
import org.envmon.store.Stores;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Issue 5 benchmark from the store (plain main): fills a DuckDB store with one synthetic year of hourly values of the
 * six pollutants for N stations in C cities (skipped when the data directory already holds them), then times
 * <ol>
 *   <li>the bulk read alone ({@code ObservationStore.hourlyValues}, values counted),</li>
 *   <li>the full recompute from the store: read + every station's hourly and daily AQI + every city's mean series,
 *       hourly and daily AQI and HJ 663 year evaluation (what {@code AirEvaluationService} does per city),</li>
 *   <li>the C-city ranking (the three orders, previous-year change) from the city evaluations in memory — the part a
 *       derived table of city daily values would serve — and from the store (two years read).</li>
 * </ol>
 *
 * <pre>java -Xmx3g -cp envmon-bench/target/envmon-bench.jar org.envmon.bench.evaluation.StoreEvaluationBench \
 *     --dir /tmp/envmon-evalbench [--stations 1734] [--cities 339] [--year 2025] [--passes 2] [--read-only false]
 *     [--derived true [--write false]]</pre>
 * {@code --derived true}: instead, the derived path ({@link AirDerivation#recomputeAll} into the derived tables, then
 * the ranking from the stored city daily values, {@link DerivedCityPeriods}).
 */
public final class StoreEvaluationBench {
    private StoreEvaluationBench() {
    }

    @Option(names = "--dir") Path dir = Path.of("/tmp/envmon-evalbench");
    @Option(names = "--stations") int stations = 1734;
    @Option(names = "--cities") int cities = 339;
    @Option(names = "--year") int year = 2025;
    @Option(names = "--passes") int passes = 2;
    @Option(names = "--read-only", arity = "1") boolean readOnly = false;
    @Option(names = "--derived", arity = "1") boolean derived = false;
    @Option(names = "--write", arity = "1") boolean write = true;

    public static void main(String[] args) throws Exception {
        CommandLine.populateCommand(new StoreEvaluationBench(), args).run();
    }

    private void run() throws Exception {
        Files.createDirectories(dir);
        try (Store store = Stores.open(StoreConfig.duckdb(dir))) {
            List<Site> sites = sites(stations, cities);
            if (store.sites().count() < stations) {
                store.sites().upsert(sites);
                fill(store, sites, year);
            } else {
                System.out.printf("reusing %s: %,d values%n", dir, store.observations().observationCount());
            }
            List<Site> byCity = store.sites().list(new SiteQuery(Medium.AIR, null, null)).stream()
                    .filter(s -> !s.control()).sorted(java.util.Comparator.comparing(Site::city)
                            .thenComparing(Site::code)).toList();
            HourGrid grid = HourGrid.ofYear(year);
            if (derived) {
                derived(store, grid, passes, write);
                return;
            }
            for (int pass = 1; pass <= passes; pass++) {
                long t0 = System.nanoTime();
                long[] n = new long[1];
                store.observations().hourlyValues(query(byCity, grid), (s, p, t, v, ok) -> n[0]++);
                long readMs = ms(t0);
                if (readOnly) {
                    System.out.printf("pass %d: read %,d values %,d ms%n", pass, n[0], readMs);
                    continue;
                }
                t0 = System.nanoTime();
                Map<String, PeriodEvaluation> evals = recompute(store, byCity, grid);
                long fullMs = ms(t0);
                System.out.printf("pass %d: %,d stations (non-control) x %,d hours: read %,d values %,d ms; full "
                        + "recompute (read + station hourly/daily + city hourly/daily/year) %,d ms; %d cities%n",
                        pass, byCity.size(), grid.hours(), n[0], readMs, fullMs, evals.size());
                t0 = System.nanoTime();
                int ranked = 0;
                for (AirRanking.By by : AirRanking.By.values()) {
                    ranked += AirRanking.rank(evals, evals, by).ranked().size();
                }
                System.out.printf("pass %d: ranking of %d cities x 3 orders from the city evaluations: %.1f ms (%d"
                        + " entries)%n", pass, evals.size(), (System.nanoTime() - t0) / 1e6, ranked);
            }
        }
    }

    /**
     * The derived path: recompute the year into the derived tables (read + evaluate + write every station's and
     * city's hourly and daily rows), then rank the cities from the stored city daily values.
     */
    static void derived(Store store, HourGrid grid, int passes, boolean write) {
        AirDerivation d = new AirDerivation(store.sites(), store.observations(), write ? store.derived()
                : discarding(store.derived()));
        for (int pass = 1; pass <= passes; pass++) {
            AirDerivation.Result r = d.recomputeAll(grid.firstDay(), grid.lastDay());
            System.out.printf("pass %d: recompute into the derived tables: %d stations, %d cities, %,d hour rows,"
                    + " %,d day rows in %,d ms%n", pass, r.stations(), r.cities(), r.hourRows(), r.dayRows(),
                    r.took().toMillis());
        }
        DerivedCityPeriods periods = new DerivedCityPeriods(store.derived());
        for (int pass = 1; pass <= passes + 1; pass++) {
            for (AirRanking.By by : AirRanking.By.values()) {
                long t0 = System.nanoTime();
                AirRanking.Ranking r = periods.ranking(grid.firstDay(), grid.lastDay(), by);
                System.out.printf("pass %d: ranking by %s of %d cities from the derived city days (year + previous"
                        + " year read): %.1f ms%n", pass, by, r.ranked().size() + r.unranked().size(),
                        (System.nanoTime() - t0) / 1e6);
            }
        }
    }

    /** {@code --write false}: the derived rows are built and handed over, then dropped (read + evaluate only). */
    static org.envmon.model.DerivedStore discarding(org.envmon.model.DerivedStore real) {
        return (org.envmon.model.DerivedStore) java.lang.reflect.Proxy.newProxyInstance(
                StoreEvaluationBench.class.getClassLoader(), new Class<?>[] {org.envmon.model.DerivedStore.class},
                (proxy, m, a) -> switch (m.getName()) {
                    case "replace" -> null;
                    case "replaceAll" -> new org.envmon.model.DerivedStore.BulkReplace() {
                        @Override
                        public void add(List<org.envmon.model.DerivedStore.Replacement> batch) {
                        }

                        @Override
                        public void commit() {
                        }

                        @Override
                        public void close() {
                        }
                    };
                    default -> m.invoke(real, a);
                });
    }

    static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    static HourlyValuesQuery query(List<Site> byCity, HourGrid grid) {
        return new HourlyValuesQuery(byCity.stream().map(Site::code).toList(), AirPollutants.CODES, grid.start(0),
                grid.start(grid.hours()));
    }

    /** Read + evaluate, city by city (memory: one city's stations). */
    static Map<String, PeriodEvaluation> recompute(Store store, List<Site> byCity, HourGrid grid) {
        Map<String, PeriodEvaluation> out = new HashMap<>();
        long start = grid.start(0).getEpochSecond();
        int hours = grid.hours();
        List<StationHourSeries> city = new ArrayList<>();
        StationHourSeries.Builder[] current = new StationHourSeries.Builder[1];
        int[] at = {-1};
        Runnable closeCity = () -> {
            if (current[0] != null) {
                city.add(current[0].build());
                current[0] = null;
            }
            if (!city.isEmpty()) {
                for (StationHourSeries s : city) {
                    StationHourly h = AirEvaluator.hourly(s);
                    StationDaily d = AirEvaluator.daily(s);
                    if (h.hours() != d.days() * 24) {
                        throw new IllegalStateException();
                    }
                }
                String name = city.get(0).city();
                StationHourSeries mean = AirEvaluator.cityMean(name, city);
                AirEvaluator.hourly(mean);
                StationDaily d = AirEvaluator.daily(mean);
                out.put(name, AirEvaluator.period(d, grid.firstDay(), grid.lastDay()));
                city.clear();
            }
        };
        store.observations().hourlyValues(query(byCity, grid), (s, p, t, v, ok) -> {
            if (s != at[0]) {
                if (at[0] >= 0 && !byCity.get(s).city().equals(byCity.get(at[0]).city())) {
                    closeCity.run();
                } else if (current[0] != null) {
                    city.add(current[0].build());
                }
                at[0] = s;
                Site site = byCity.get(s);
                current[0] = StationHourSeries.builder(site.code(), site.city(), false, grid);
            }
            long off = t - start;
            if (ok && off >= 0 && off % 3600 == 0 && off / 3600 < hours) {
                current[0].put(p, (int) (off / 3600), AirPollutants.toMilli(v));
            }
        });
        closeCity.run();
        return out;
    }

    static List<Site> sites(int stations, int cities) {
        List<Site> out = new ArrayList<>(stations);
        for (int i = 0; i < stations; i++) {
            out.add(new Site(String.format("B%05d", i), "bench " + i, Medium.AIR, "BENCHMN" + i, null, "P" + (i % 31),
                    String.format("C%03d", i % cities), null, null, null, null, false));
        }
        return out;
    }

    /** One packet per hour with every station's six values (2 % missing), a day per write. */
    static void fill(Store store, List<Site> sites, int year) {
        HourGrid grid = HourGrid.ofYear(year);
        SplittableRandom rnd = new SplittableRandom(year);
        double[] base = {8, 30, 70, 40, 0.8, 60};
        long t0 = System.nanoTime();
        long values = 0;
        for (int d = 0; d < grid.days(); d++) {
            List<PacketWrite> batch = new ArrayList<>(24);
            for (int h = 24 * d; h < 24 * d + 24; h++) {
                Instant t = grid.start(h);
                List<ObservationRow> rows = new ArrayList<>(sites.size() * 6);
                double season = 1 + 0.5 * Math.cos(2 * Math.PI * d / 365.0);
                for (Site s : sites) {
                    for (int p = 0; p < 6; p++) {
                        if (rnd.nextInt(50) == 0) {
                            continue;
                        }
                        double v = base[p] * season * (0.3 + 1.4 * rnd.nextDouble());
                        v = p == AirPollutants.CO ? Math.round(v * 10) / 10.0 : Math.round(v);
                        rows.add(new ObservationRow(s.code(), AirPollutants.CODES.get(p), Interval.HOUR,
                                Statistic.VALUE, t, v, "N"));
                    }
                }
                values += rows.size();
                byte[] raw = ("bench " + t).getBytes(StandardCharsets.US_ASCII);
                batch.add(new PacketWrite(new RawPacket(raw, "bench", t, "bench", "BENCH", "2061", "q" + h,
                        "bench-" + t, true), rows));
            }
            store.observations().write(batch);
            if (d % 30 == 29) {
                System.out.printf("fill: %d days, %,d values, %,d s%n", d + 1, values, ms(t0) / 1000);
            }
        }
        System.out.printf("fill: %,d values in %,d s (%,.0f values/s)%n", values, ms(t0) / 1000,
                values / (ms(t0) / 1000.0));
    }
}
