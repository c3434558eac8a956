package org.envmon.bench.e2e;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.envmon.gateway.GatewayConfig;
import org.envmon.gateway.Hj212Gateway;
import org.envmon.gateway.StationDirectory;
import org.envmon.gateway.sim.SimulatorConfig;
import org.envmon.gateway.sim.SimulatorReport;
import org.envmon.gateway.sim.StationSimulator;
import org.envmon.ingest.GroupCommitWriter;
import org.envmon.alerts.engine.AlertEngine;
import org.envmon.alerts.repository.InMemoryAlertRepository;
import org.envmon.alerts.rules.RuleLoader;
import org.envmon.evaluation.derived.LiveRecompute;
import org.envmon.ingest.IngestPipeline;
import org.envmon.ingest.IngestSink;
import org.envmon.ingest.QualityCheckingSink;
import org.envmon.ingest.StoredBatches;
import org.envmon.quality.qc.QualityControl;
import org.envmon.ingest.journal.JournalConfig;
import org.envmon.ingest.journal.JournalingSink;
import org.envmon.model.Medium;
import org.envmon.model.PasswordHash;
import org.envmon.model.Site;
import org.envmon.model.Store;
import org.envmon.store.StoreConfig;
import org.envmon.store.Stores;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * End-to-end load over loopback TCP: the real gateway, group commit and store in this JVM, the station simulator
 * with N connections beside it; every packet carries the A flag and is answered only after commit. Prints the
 * simulator's figures and what the store holds afterwards (zero loss = stored packets equal answered packets).
 *
 * <pre>java -cp envmon-bench/target/envmon-bench.jar org.envmon.bench.e2e.EndToEndLoad \
 *     --store duckdb --stations 1000 --interval-ms 60 --duration-s 30 --cn 2011</pre>
 */
public final class EndToEndLoad {
    @Option(names = "--store", description = "duckdb or postgres") String storeEngine = "duckdb";
    @Option(names = "--jdbc-url", description = "with --store postgres; its schema is emptied first")
    String jdbcUrl = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=envmon_bench";
    @Option(names = "--stations") int stations = 1000;
    @Option(names = "--cities") int cities = 100;
    @Option(names = "--interval-ms") long intervalMs = 60;
    @Option(names = "--duration-s") long durationSeconds = 30;
    @Option(names = "--cn") String cn = "2011";
    @Option(names = "--idle", description = "idle connections held beside the stations") int idle = 0;
    @Option(names = "--journal", description = "directory of the journal (none: the in-memory group commit)")
    String journal = "";
    @Option(names = "--apply-batch") int applyBatch = 5000;
    @Option(names = "--preallocate", arity = "1") boolean preallocate = true;
    @Option(names = "--qc", arity = "1") boolean qc = false;
    @Option(names = "--alerts", arity = "1") boolean withAlerts = false;
    @Option(names = "--evaluation", arity = "1") boolean withEvaluation = false;
    @Option(names = "--eval-window") Duration evalWindow = Duration.ofDays(3);

    public static void main(String[] argv) throws Exception {
        CommandLine.populateCommand(new EndToEndLoad(), argv).run();
    }

    private void run() throws Exception {
        StoreConfig storeConfig = storeEngine.equals("postgres") ? StoreConfig.postgres(jdbcUrl)
                : StoreConfig.duckdb(Files.createTempDirectory("envmon-e2e-"));
        if (storeEngine.equals("postgres")) {
            resetSchema(jdbcUrl);
        }
        try (Store store = Stores.open(storeConfig)) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            SimulatorConfig sim = new SimulatorConfig("127.0.0.1", 0, stations,
                    Duration.ofMillis(intervalMs),
                    Duration.ofSeconds(durationSeconds), cn, "LOAD", "123456",
                    Duration.ofSeconds(30));
            String hash = PasswordHash.hash("123456");
            List<Site> sites = new ArrayList<>();
            for (int i = 0; i < stations; i++) {
                sites.add(new Site("L" + i, "Load " + i, Medium.AIR, sim.mn(i), hash, null,
                        cities > 0 ? String.format("LC%03d", i % cities) : null, null, null, null, null, false));
            }
            store.sites().upsert(sites);
            Path journalDir = journal.isEmpty() ? null
                    : Files.createTempDirectory(Files.createDirectories(Path.of(journal)), "journal-");
            JournalingSink journal = journalDir == null ? null : new JournalingSink(JournalConfig.defaults(journalDir)
                    .withApplyBatchRecords(applyBatch)
                    .withSegmentBytes(64L << 20, preallocate), store.observations(),
                    registry);
            IngestPipeline unchecked = journal != null ? journal
                    : new GroupCommitWriter(store.observations(), 200_000, 5_000, registry);
            // As in the platform: QC in front of the ingest log, alerts and live evaluation consuming it after the
            // store writer.
            IngestSink sink = !qc ? unchecked
                    : new QualityCheckingSink(unchecked, QualityControl.withDefaults(), store.sites(), registry);
            AlertEngine alerts = null;
            if (withAlerts) {
                alerts = new AlertEngine(RuleLoader.defaults(), new InMemoryAlertRepository(), store.sites()::byCode,
                        Clock.systemUTC(), 100_000, registry);
                alerts.start(Duration.ofSeconds(30));
                StoredBatches.follow(unchecked.log(), "alerts", alerts, registry);
            }
            // As in the platform: the live recompute of the derived air tables, city rows fed to the alert engine.
            LiveRecompute live = null;
            if (withEvaluation) {
                live = new LiveRecompute(store, Duration.ofSeconds(2), evalWindow,
                        Clock.systemUTC(), registry);
                AlertEngine engine = alerts;
                if (engine != null) {
                    live.addConsumer(c -> c.hours().stream().filter(h -> h.aqi() >= 0).forEach(h -> engine.derived(
                            new org.envmon.alerts.rules.DerivedAirUpdate(c.city(), h.start(), h.aqi(),
                                    org.envmon.standards.air.AqiLevel.of(h.aqi()).number()))));
                }
                StoredBatches.follow(unchecked.log(), "live-evaluation", live::committed, registry);
                live.start();
            }
            try (sink;
                 Hj212Gateway gateway = new Hj212Gateway(GatewayConfig.defaults(0), new StationDirectory(
                         store.sites(), Clock.systemUTC()), sink, registry, Clock.systemUTC())) {
                int port = gateway.start();
                Process idlers = null;
                if (idle > 0) {
                    System.out.printf("heap used before idle connections: %.0f MB%n", heapUsedMb());
                    idlers = startIdlers(port, idle, durationSeconds + 60);
                    while (gateway.connectionCount() < idle) {
                        Thread.sleep(100);
                    }
                    System.out.printf("server holds %d idle connections; heap used %.0f MB%n",
                            gateway.connectionCount(), heapUsedMb());
                }
                SimulatorConfig bound = new SimulatorConfig("127.0.0.1", port, sim.stations(), sim.interval(),
                        sim.duration(), sim.cn(), sim.mnPrefix(), sim.password(), sim.answerTimeout());
                SimulatorReport report = new StationSimulator(bound).run();
                System.out.println("simulator: " + report);
                var ack = registry.find("envmon.hj212.ack.latency").timer();
                if (ack != null) {
                    StringBuilder pct = new StringBuilder();
                    for (var v : ack.takeSnapshot().percentileValues()) {
                        pct.append(String.format(" p%.0f %.1f ms,", v.percentile() * 100,
                                v.value(TimeUnit.MILLISECONDS)));
                    }
                    System.out.printf("gateway: frame received to answer handed to Netty:%s mean %.1f ms, max %.0f "
                            + "ms%n", pct, ack.mean(TimeUnit.MILLISECONDS), ack.max(TimeUnit.MILLISECONDS));
                }
                if (journal != null) {
                    long lag = journal.lagRecords();
                    long t0 = System.nanoTime();
                    boolean caughtUp = journal.awaitApplied(Duration.ofMinutes(10));
                    var fsync = registry.find("envmon.ingest.journal.fsync").timer();
                    var durable = registry.find("envmon.ingest.journal.durable").timer();
                    System.out.printf("journal: submit to durable mean %.2f ms, max %.1f ms; "
                                    + "%d fsyncs, mean %.2f ms, max %.1f ms, mean group %.0f records; "
                                    + "apply failures %.0f; %d records behind at the end of the load, %s after "
                                    + "%.1f s%n", durable.mean(TimeUnit.MILLISECONDS), durable.max(TimeUnit.MILLISECONDS), fsync.count(), fsync.mean(TimeUnit.MILLISECONDS),
                            fsync.max(TimeUnit.MILLISECONDS),
                            registry.find("envmon.ingest.journal.group.records").summary().mean(),
                            registry.find("envmon.ingest.journal.apply.failures").counter().count(), lag,
                            caughtUp ? "caught up" : "NOT caught up", (System.nanoTime() - t0) / 1e9);
                }
                var commits = registry.find("envmon.ingest.commit").timer();
                System.out.printf("store (%s): %d packets, %d values; group commits: %d, mean batch %.0f packets, "
                                + "commit mean %.1f ms, max %.0f ms; commit failures %.0f%n", store.engine(),
                        store.observations().packetCount(), store.observations().observationCount(),
                        registry.find("envmon.ingest.batch.packets").summary().count(),
                        registry.find("envmon.ingest.batch.packets").summary().mean(),
                        commits.mean(TimeUnit.MILLISECONDS),
                        commits.max(TimeUnit.MILLISECONDS),
                        registry.find("envmon.ingest.commits.failed").counter().count());
                if (live != null) {
                    long t0 = System.nanoTime();
                    live.runOnce(); // what was still queued at the end of the load
                    live.close();
                    var cycle = registry.find("envmon.evaluation.recompute").timer();
                    long[] st = store.derived().count(org.envmon.model.DerivedStore.Scope.STATION);
                    long[] ct = store.derived().count(org.envmon.model.DerivedStore.Scope.CITY);
                    System.out.printf("live recompute: %d cycles, mean %.0f ms, max %.0f ms; final catch-up %.1f s;"
                            + " derived rows: stations %,d hours %,d days, cities %,d hours %,d days; late hours"
                            + " flagged %.0f%n", cycle.count(), cycle.mean(TimeUnit.MILLISECONDS),
                            cycle.max(TimeUnit.MILLISECONDS), (System.nanoTime() - t0) / 1e9, st[0], st[1], ct[0],
                            ct[1], registry.find("envmon.evaluation.late").counter().count());
                }
                System.out.println(store.observations().packetCount() == report.answered() ? "zero loss: every "
                        + "answered packet is stored" : "MISMATCH between answered and stored packets");
                if (idlers != null) {
                    System.out.printf("after the run the server still holds %d connections; heap used %.0f MB; "
                            + "max heap %.0f MB%n", gateway.connectionCount(), heapUsedMb(),
                            Runtime.getRuntime().maxMemory() / 1048576.0);
                    idlers.destroy();
                }
            } finally {
                if (journalDir != null) {
                    deleteTree(journalDir);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static Process startIdlers(int port, int n, long seconds) throws Exception {
        String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(javaBin, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                IdleConnections.class.getName(), "127.0.0.1", Integer.toString(port), Integer.toString(n),
                Long.toString(seconds)).inheritIO().start();
    }

    static double heapUsedMb() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) / 1048576.0;
    }

    private static void resetSchema(String url) throws Exception {
        String schema = url.replaceAll(".*currentSchema=([A-Za-z0-9_]+).*", "$1");
        try (var c = java.sql.DriverManager.getConnection(url.replaceAll("[&?]currentSchema=[A-Za-z0-9_]+", ""));
             var s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
    }
}
