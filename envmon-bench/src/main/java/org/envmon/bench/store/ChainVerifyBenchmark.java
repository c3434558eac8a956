package org.envmon.bench.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.envmon.model.Interval;
import org.envmon.model.ObservationRow;
import org.envmon.model.PacketWrite;
import org.envmon.model.RawPacket;
import org.envmon.model.Statistic;
import org.envmon.model.Store;
import org.envmon.store.StoreConfig;
import org.envmon.store.Stores;
import org.envmon.model.VerifyReport;

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
    private String engines = "duckdb";
    private int packets = 1_000_000;
    private int values = 10;
    private int batchSize = 1000;
    private int runs = 2;
    private String pgUrl = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    public static void main(String[] args) throws Exception {
        ChainVerifyBenchmark b = new ChainVerifyBenchmark();
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--engines" -> b.engines = value;
                case "--packets" -> b.packets = Integer.parseInt(value);
                case "--values" -> b.values = Integer.parseInt(value);
                case "--batch" -> b.batchSize = Integer.parseInt(value);
                case "--runs" -> b.runs = Integer.parseInt(value);
                case "--pg-url" -> b.pgUrl = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        for (String engine : b.engines.split(",")) {
            b.run(engine.trim().toLowerCase(Locale.ROOT));
        }
    }

    private void run(String engine) throws Exception {
        Path dir = null;
        String schema = null;
        StoreConfig config;
        if (engine.equals("duckdb")) {
            dir = Files.createTempDirectory("envmon-verify-bench-");
            config = StoreConfig.duckdb(dir);
        } else if (engine.equals("postgres")) {
            schema = "envmon_bench_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
            sql("CREATE SCHEMA " + schema);
            config = StoreConfig.postgres(pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        } else {
            throw new IllegalArgumentException("unknown engine " + engine);
        }
        try {
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
        } finally {
            if (dir != null) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException ignored) {
                    // temp dir
                }
            }
            if (schema != null) {
                sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
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

    private void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(pgUrl); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }
}
