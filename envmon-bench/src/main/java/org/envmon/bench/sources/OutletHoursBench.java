package org.envmon.bench.sources;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.envmon.evaluation.sources.OutletHours;
import org.envmon.evaluation.sources.SourceEmissionsService;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.ObservationRow;
import org.envmon.model.PacketWrite;
import org.envmon.model.RawPacket;
import org.envmon.model.Site;
import org.envmon.model.Statistic;
import org.envmon.model.Store;
import org.envmon.store.StoreConfig;
import org.envmon.store.Stores;

/**
 * The outlet hours read (GET /api/v1/sources/outlets/{code}/hours) on a DuckDB store: fills a fresh store with a
 * month of hourly flue-gas data for N outlets (O2, flow amount, smoke/SO2/NOx measured, device-converted and
 * amounts: 11 values an hour), then times a month of one outlet, recomputed, for every outlet in turn (all outlets
 * once: a month's totals for the whole fleet, the way the API computes them today).
 *
 * <pre>java -cp envmon-bench/target/envmon-bench.jar org.envmon.bench.sources.OutletHoursBench [outlets] [rounds]</pre>
 */
public final class OutletHoursBench {
    private static final Instant MONTH = Instant.parse("2026-10-31T16:00:00Z"); // 2026-11-01 00:00 Beijing time
    private static final int HOURS = 30 * 24;

    private OutletHoursBench() {
    }

    public static void main(String[] args) throws Exception {
        int outlets = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("envmon-outlet-bench-");
        try (Store store = Stores.open(StoreConfig.duckdb(dir))) {
            long t0 = System.nanoTime();
            fill(store, outlets);
            System.out.printf("fill: %d outlets x %d h x 11 values in %.1f s%n", outlets, HOURS,
                    (System.nanoTime() - t0) / 1e9);
            SourceEmissionsService service = new SourceEmissionsService(store.sites(), store.observations());
            Instant to = MONTH.plus(Duration.ofHours(HOURS));
            for (int round = 0; round < rounds; round++) {
                long[] each = new long[outlets];
                double tonnes = 0;
                long start = System.nanoTime();
                for (int i = 0; i < outlets; i++) {
                    long s = System.nanoTime();
                    OutletHours h = service.hours(code(i), MONTH, to, Optional.empty());
                    each[i] = System.nanoTime() - s;
                    for (OutletHours.Hour hour : h.hours()) {
                        for (OutletHours.PollutantHour p : hour.pollutants()) {
                            tonnes += p.amountKg() == null ? 0 : p.amountKg() / 1000;
                        }
                    }
                }
                double total = (System.nanoTime() - start) / 1e9;
                Arrays.sort(each);
                System.out.printf("round %d: %d outlet-months in %.2f s (%.1f ms each: p50 %.1f, p99 %.1f, max %.1f);"
                        + " %.1f t emitted%n", round + 1, outlets, total, total * 1000 / outlets,
                        each[outlets / 2] / 1e6, each[(int) (outlets * 0.99)] / 1e6, each[outlets - 1] / 1e6, tonnes);
            }
        } finally {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static String code(int i) {
        return String.format("SRC%05d", i);
    }

    private static void fill(Store store, int outlets) {
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i < outlets; i++) {
            sites.add(new Site(code(i), "排口 " + i, Medium.SOURCE_GAS, "MNSRC" + i, null, "省", "市", null, null,
                    null, null, false));
        }
        store.sites().upsert(sites);
        SplittableRandom random = new SplittableRandom(2026);
        for (int i = 0; i < outlets; i++) {
            List<PacketWrite> batch = new ArrayList<>(HOURS);
            for (int h = 0; h < HOURS; h++) {
                Instant t = MONTH.plus(Duration.ofHours(h));
                double o2 = 5 + random.nextDouble() * 4;
                double volume = 400_000 + random.nextDouble() * 200_000;
                double factor = (21 - 6) / (21 - o2);
                List<ObservationRow> rows = new ArrayList<>(11);
                rows.add(row(i, "a19001", Statistic.VALUE, t, o2));
                rows.add(row(i, "a00000", Statistic.COU, t, volume));
                for (String code : List.of("a34013", "a21026", "a21002")) {
                    double c = 5 + random.nextDouble() * 40;
                    rows.add(row(i, code, Statistic.VALUE, t, c));
                    rows.add(row(i, code, Statistic.CONVERTED, t, c * factor));
                    rows.add(row(i, code, Statistic.COU, t, c * volume * 1e-6));
                }
                byte[] raw = (code(i) + "/" + h).getBytes(StandardCharsets.US_ASCII);
                batch.add(new PacketWrite(new RawPacket(raw, "bench", Instant.now(), "bench", "MNSRC" + i, "2061",
                        code(i) + h, code(i) + "/" + h, true), rows));
            }
            store.observations().write(batch);
        }
    }

    private static ObservationRow row(int outlet, String code, Statistic s, Instant t, double v) {
        return new ObservationRow(code(outlet), code, Interval.HOUR, s, t, v, "N", true, null);
    }
}
