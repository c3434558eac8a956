package org.envmon.app.cli;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.envmon.app.DemoData;
import org.envmon.gateway.sim.SimulatorConfig;
import org.envmon.gateway.sim.StationSimulator;
import org.envmon.ingest.IngestSink;
import org.envmon.ingest.files.CnemcHourlyImporter;
import org.envmon.ingest.files.ImportReport;
import org.envmon.store.Medium;
import org.envmon.store.PasswordHash;
import org.envmon.store.Site;
import org.envmon.store.SiteStore;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code envmon demo}: a fresh data directory with the national air station list, January 2019 of real Beijing
 * hourly data, and 20 simulated stations feeding live packets into the running platform.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start the platform on a fresh demo data directory (embedded store) with demo data loaded",
                "and a simulator feeding live HJ 212 packets."})
public class DemoCommand implements Callable<Integer> {
    static final int SIMULATED_STATIONS = 20;

    @Option(names = "--data-dir", defaultValue = "./envmon-data/demo",
            description = "Demo data directory; emptied at start (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--http-port", defaultValue = "8080") int httpPort;
    @Option(names = "--hj212-port", defaultValue = "9212") int hj212Port;
    @Option(names = "--interval-ms", defaultValue = "5000", description = "Simulated stations' packet interval.")
    long intervalMs;

    @Override
    public Integer call() throws Exception {
        wipe(dataDir);
        StoreOptions store = new StoreOptions();
        store.dataDir = dataDir;
        store.store = "duckdb";
        ConfigurableApplicationContext ctx = ServeCommand.start(store, httpPort, hj212Port, List.of());
        load(ctx.getBean(SiteStore.class), ctx.getBean(IngestSink.class));
        int port = Integer.parseInt(ctx.getEnvironment().getProperty("envmon.hj212.bound-port"));
        SimulatorConfig sim = new SimulatorConfig("127.0.0.1", port, SIMULATED_STATIONS, Duration.ofMillis(intervalMs),
                Duration.ofDays(365), "2011", "SIM", "123456", Duration.ofSeconds(10));
        Thread simulator = new Thread(() -> {
            try {
                new StationSimulator(sim).run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "envmon-demo-simulator");
        simulator.setDaemon(true);
        simulator.start();
        ServeCommand.printUrls(ctx);
        System.out.println("  Real data    http://localhost:" + ctx.getEnvironment().getProperty("local.server.port")
                + "/api/v1/sites/1001A/observations?parameter=a34004&from=2019-01-01&to=2019-01-02");
        System.out.println("  Live data    http://localhost:" + ctx.getEnvironment().getProperty("local.server.port")
                + "/api/v1/sites/SIM0001/latest  (" + SIMULATED_STATIONS + " simulated stations, every "
                + intervalMs + " ms)");
        return 0;
    }

    static void load(SiteStore sites, IngestSink sink) throws IOException {
        List<Site> stations = DemoData.nationalAirStations();
        sites.upsert(stations);
        sites.upsert(simulatedStations());
        ImportReport report = new ImportReport();
        CnemcHourlyImporter importer = new CnemcHourlyImporter(sink, sites,
                CnemcHourlyImporter.stationListOf(stations), Clock.systemUTC());
        importer.importStream(new InputStreamReader(
                new java.util.zip.GZIPInputStream(DemoData.open(DemoData.BEIJING_JANUARY_2019)),
                StandardCharsets.UTF_8), DemoData.BEIJING_JANUARY_2019, report);
        System.out.println("Demo data: " + stations.size() + " national air stations, " + SIMULATED_STATIONS
                + " simulated stations; Beijing January 2019: " + report);
    }

    /** Site codes SIM0001.. with MNs SIM000...0001 as the simulator's defaults; placed around Beijing. */
    static List<Site> simulatedStations() {
        List<Site> list = new ArrayList<>();
        for (int i = 0; i < SIMULATED_STATIONS; i++) {
            SimulatorConfig naming = new SimulatorConfig("", 0, 0, Duration.ZERO, Duration.ZERO, "2011", "SIM", "",
                    Duration.ZERO);
            list.add(new Site(String.format("SIM%04d", i + 1), "Simulated station " + (i + 1), Medium.AIR,
                    naming.mn(i), PasswordHash.hash("123456"), "北京市", "北京", null, null,
                    39.9 + (i % 5) * 0.05, 116.3 + (i / 5) * 0.05, false));
        }
        return list;
    }

    private static void wipe(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }
}
