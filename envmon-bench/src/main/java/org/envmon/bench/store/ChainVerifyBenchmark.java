package org.envmon.bench.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.envmon.model.Interval;
import org.envmon.model.ObservationRow;
import org.envmon.model.PacketWrite;
import org.envmon.model.RawPacket;
import org.envmon.model.Statistic;
import org.envmon.model.Store;
import org.envmon.model.VerifyReport;
import org.envmon.store.StoreConfig;
import org.envmon.store.Stores;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Speed of {@code ChainStore.verify()}: fills an empty store with chained HJ 212-like packets (default 1,000,000
 * packets of 10 values, written through {@code ObservationStore.write} in batches of 1,000), reopens it and verifies
 * it, reporting chained records (packets and reviews) per second and observation rows per second.
 *
 * <pre>
 * java -cp envmon-bench/target/envmon-bench.jar org.envmon.bench.store.ChainVerifyBenchmark \
 *     [--engines duckdb,postgres] [--packets 1000000] [--values 10] [--batch 1000] [--runs 2] \
 *     [--pg-url jdbc:postgresql://127.0.0.1:5432/test?user=postgres]
 * </pre>
 */
public final class ChainVerifyBenchmark {
    @Option(names = "--engines") private String engines = "duckdb";
    @Option(names = "--packets") private int packets = 1_000_000;
    @Option(names = "--values") private int values = 10;
    @Option(names = "--batch") private int batchSize = 1000;
    @Option(names = "--runs") private int runs = 2;
    @Option(names = "--pg-url") private String pgUrl = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    public static void main(String[] args) throws Exception {
        ChainVerifyBenchmark b = CommandLine.populateCommand(new ChainVerifyBenchmark(), args);
        for (String engine : b.engines.split(",")) {
            b.run(engine.trim().toLowerCase(Locale.ROOT));
        }
    }

    private void run(String engine) throws Exception {
        try (ScratchStore scratch = ScratchStore.create(engine, pgUrl)) {
            StoreConfig config = scratch.config();
            try (Store store = Stores.open(config)) {
                long start = System.nanoTime();
                fill(store);
                double sec = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "%-8s filled %,d packets x %d values in %.1f s (%,.0f values/s with"
                        + " chaining)%n", engine, packets, values, sec, packets * (double) values / sec);
            }
            for (int r = 1; r <= runs; r++) {
                try (Store store = Stores.open(config)) {
                    long start = System.nanoTime();
                    VerifyReport report = store.chain().verify();
                    double sec = (System.nanoTime() - start) / 1e9;
                    System.out.printf(Locale.ROOT, "%-8s verify run %d: %s; %.2f s = %,.0f chained records/s,"
                            + " %,.0f observation rows/s%n", engine, r, report.state(), sec, report.records() / sec,
                            report.observations() / sec);
                    if (!report.intact()) {
                        System.out.println(report.summary());
                    }
                }
            }
        }
    }

    private void fill(Store store) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        int sites = 2000;
        for (int done = 0; done < packets; ) {
            int n = Math.min(batchSize, packets - done);
            List<PacketWrite> batch = new ArrayList<>(n);
            for (int k = 0; k < n; k++, done++) {
                int site = done % sites;
                Instant time = t0.plusSeconds(60L * (done / sites));
                String mn = String.format(Locale.ROOT, "88888880%06d", site);
                List<ObservationRow> rows = new ArrayList<>(values);
                StringBuilder cp = new StringBuilder("QN=").append(done).append(";ST=22;CN=2051;MN=").append(mn)
                        .append(";CP=&&");
                for (int v = 0; v < values; v++) {
                    double value = Math.round(rnd.nextDouble(0, 500) * 1000) / 1000.0;
                    rows.add(new ObservationRow("S" + site, "a" + (21000 + v), Interval.MINUTE, Statistic.VALUE, time,
                            value, "N", v != 3, v == 3 ? "RANGE" : null));
                    cp.append("a").append(21000 + v).append("-Avg=").append(value).append(",Flag=N;");
                }
                byte[] bytes = cp.append("&&").toString().getBytes(StandardCharsets.US_ASCII);
                batch.add(new PacketWrite(new RawPacket(bytes, "10.0.0.1:40000", time.plusSeconds(5), "hj212", mn,
                        "2051", Integer.toString(done), mn + "|2051|" + done, true), rows));
            }
            store.observations().write(batch);
        }
    }
}
