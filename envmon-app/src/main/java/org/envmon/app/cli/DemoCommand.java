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
import org.envmon.app.security.AccountService;
import org.envmon.app.security.DemoAccounts;
import org.envmon.model.SiteQuery;
import org.envmon.gateway.sim.SimulatorConfig;
import org.envmon.gateway.sim.StationSimulator;
import org.envmon.ingest.IngestSink;
import org.envmon.ingest.files.CnemcHourlyImporter;
import org.envmon.ingest.files.CnemcWaterImporter;
import org.envmon.ingest.files.ImportReport;
import org.envmon.model.Medium;
import org.envmon.model.PasswordHash;
import org.envmon.model.Site;
import org.envmon.model.SiteStore;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code envmon demo}: a fresh data directory with the national air station list, January 2019 of real Beijing
 * hourly data, the national automatic surface-water sections' published records of 2025-11 and 2026-02, and 20
 * simulated stations feeding live packets into the running platform.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start the platform on a fresh demo data directory (embedded store) with demo data loaded",
                "and a simulator feeding live HJ 212 packets."})
public class DemoCommand implements Callable<Integer> {
    static final int SIMULATED_STATIONS = 20;
    static final int HOURLY_STATIONS = 10;
    static final String SIMULATED_CITY = "模拟市";
    /** The demo's own store, apart from ./envmon-data because each demo empties it. */
    static final Path DEFAULT_DIR = Path.of("envmon-data", "demo");

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Demo data directory; emptied at start (default: ./envmon-data/demo, which the other"
                    + " commands use when ./envmon-data holds no store).")
    Path dataDir = DEFAULT_DIR;

    @Option(names = "--http-port", defaultValue = "8080") int httpPort;
    @Option(names = "--hj212-port", defaultValue = "9212") int hj212Port;
    @Option(names = "--interval-ms", defaultValue = "5000", description = "Simulated stations' packet interval.")
    long intervalMs;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        refuseIfHeld(dataDir);
        wipe(dataDir);
        StoreOptions store = new StoreOptions();
        store.dataDir = dataDir;
        store.store = "duckdb";
        // The demo's accounts are created once it runs: it listens on loopback only (see ExposureGuard).
        List<String> extra = new ArrayList<>(ServeCommand.quietFailure(spec));
        extra.add("--server.address=127.0.0.1");
        extra.add("--envmon.hj212.host=127.0.0.1");
        ConfigurableApplicationContext ctx = ServeCommand.start(store, httpPort, hj212Port, extra);
        load(ctx);
        loadWater(ctx.getBean(SiteStore.class), ctx.getBean(IngestSink.class));
        int port = Integer.parseInt(ctx.getEnvironment().getProperty("envmon.hj212.bound-port"));
        DemoSources.register(ctx.getBean(SiteStore.class));
        System.out.println("Demo pollution sources: " + DemoSources.send("127.0.0.1", port)
                + " real hourly HJ 212 frames of 6 outlets (2016-08-24) sent to the gateway");
        // Real-time packets (2011) from the SIM stations; hourly packets (2061, filling the past hours one by one)
        // from the SIH stations, whose hourly values the evaluation turns into a live city AQI for 模拟市.
        simulate(new SimulatorConfig("127.0.0.1", port, SIMULATED_STATIONS, Duration.ofMillis(intervalMs),
                Duration.ofDays(365), "2011", "SIM", "123456", Duration.ofSeconds(10)));
        simulate(new SimulatorConfig("127.0.0.1", port, HOURLY_STATIONS, Duration.ofSeconds(2), Duration.ofDays(365),
                "2061", "SIH", "123456", Duration.ofSeconds(10), 1));
        ServeCommand.printUrls(ctx);
        System.out.println("  Real data    http://localhost:" + ctx.getEnvironment().getProperty("local.server.port")
                + "/api/v1/sites/1001A/observations?parameter=a34004&from=2019-01-01&to=2019-01-02");
        System.out.println("  Live data    http://localhost:" + ctx.getEnvironment().getProperty("local.server.port")
                + "/api/v1/sites/SIM0001/latest  (" + SIMULATED_STATIONS + " simulated stations, every "
                + intervalMs + " ms)");
        java.time.LocalDate today = java.time.LocalDate.now(org.envmon.model.BeijingTime.OFFSET);
        System.out.println("  Live AQI     http://localhost:" + ctx.getEnvironment().getProperty("local.server.port")
                + "/api/v1/aqi/hourly?city=%E6%A8%A1%E6%8B%9F%E5%B8%82&from=" + today.minusDays(1) + "&to="
                + today.plusDays(1) + "  (city 模拟市: " + HOURLY_STATIONS + " stations sending hourly data for the past hours,"
                + " one with a stuck PM2.5 analyser)");
        System.out.println("  Water        http://localhost:" + ctx.getEnvironment().getProperty("local.server.port")
                + "/api/v1/rankings/water?month=2025-11  (CWQI city ranking of the real sections; map layer and"
                + " /api/v1/feeds/water/latest: each section's latest month)");
        System.out.println("  Sources      http://localhost:" + ctx.getEnvironment().getProperty("local.server.port")
                + "/outlet.html?code=" + DemoSources.FLUE_GAS.get(0) + "&from=2016-08-23&to=2016-08-24  (a real"
                + " coal-fired boiler's day: converted concentrations and emission amounts recomputed beside its"
                + " device's own; API /api/v1/sources/outlets/{code}/hours)");
        System.out.println("  Alerts       http://localhost:" + ctx.getEnvironment().getProperty("local.server.port")
                + "/api/v1/alerts/stream  (Server-Sent Events)");
        System.out.println("  Review       http://localhost:" + ctx.getEnvironment().getProperty("local.server.port")
                + "/console  (log in as operator-simulated: station SIH" + String.format("%04d", HOURLY_STATIONS)
                + "'s PM2.5 analyser is stuck, its run one item in the review queue within a minute)");
        List<String> beijing = ctx.getBean(SiteStore.class).list(new SiteQuery(Medium.AIR, null, "北京")).stream()
                .map(Site::code).sorted().toList();
        DemoAccounts.create(ctx.getBean(AccountService.class), beijing).forEach(System.out::println);
        return 0;
    }

    private static void simulate(SimulatorConfig config) {
        Thread t = new Thread(() -> {
            try {
                new StationSimulator(config).run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "envmon-demo-simulator-" + config.mnPrefix());
        t.setDaemon(true);
        t.start();
    }

    /** Loads the demo data into a running platform and computes its derived air data. */
    static void load(org.springframework.context.ApplicationContext ctx) throws IOException {
        ImportReport report = load(ctx.getBean(SiteStore.class), ctx.getBean(IngestSink.class));
        ImportCommand.recompute(ctx.getBean(org.envmon.evaluation.derived.LiveRecompute.class), report);
    }

    static ImportReport load(SiteStore sites, IngestSink sink) throws IOException {
        List<Site> stations = DemoData.nationalAirStations();
        sites.upsert(stations);
        sites.upsert(simulatedStations());
        ImportReport report = new ImportReport();
        CnemcHourlyImporter importer = new CnemcHourlyImporter(sink, sites,
                CnemcHourlyImporter.stationListOf(stations), Clock.systemUTC());
        importer.importStream(new InputStreamReader(
                new java.util.zip.GZIPInputStream(DemoData.open(DemoData.BEIJING_JANUARY_2019)),
                StandardCharsets.UTF_8), DemoData.BEIJING_JANUARY_2019, report);
        System.out.println("Demo data: " + stations.size() + " national air stations, "
                + (SIMULATED_STATIONS + HOURLY_STATIONS) + " simulated stations; Beijing January 2019: " + report);
        return report;
    }

    /**
     * Registers the national automatic surface-water sections of the shipped publication slice and stores their
     * values (the water evaluation is computed on request: nothing to derive).
     */
    static ImportReport loadWater(SiteStore sites, IngestSink sink) throws IOException {
        ImportReport report = new ImportReport();
        long t0 = System.nanoTime();
        new CnemcWaterImporter(sink, sites, Clock.systemUTC()).importStream(new InputStreamReader(
                new java.util.zip.GZIPInputStream(DemoData.open(DemoData.WATER_SECTIONS)), StandardCharsets.UTF_8),
                DemoData.WATER_SECTIONS, report);
        long placed = sites.list(new SiteQuery(Medium.SURFACE_WATER, null, null)).stream()
                .filter(s -> s.latitude() != null).count();
        System.out.printf("Demo water data: %d surface-water sections (%d on the map, the others without known"
                + " coordinates), %d records of 2025-11 and 2026-02, %d values in %.1f s (%d displayed values without"
                + " their raw value skipped)%n", report.sitesCreated(), placed, report.rowsImported(),
                report.valuesStored(), (System.nanoTime() - t0) / 1e9, report.problemCount());
        return report;
    }

    /**
     * Site codes SIM0001.. (real-time) and SIH0001.. (hourly) with the simulator's default MNs (prefix + number,
     * zero-padded to 24 characters), in the simulated city 模拟市 so that they never mix with the real stations.
     */
    static List<Site> simulatedStations() {
        List<Site> list = new ArrayList<>();
        addSimulated(list, "SIM", SIMULATED_STATIONS, 30.0);
        addSimulated(list, "SIH", HOURLY_STATIONS, 30.3);
        return list;
    }

    private static void addSimulated(List<Site> list, String prefix, int n, double latitude) {
        SimulatorConfig naming = new SimulatorConfig("", 0, n, Duration.ZERO, Duration.ZERO, "2011", prefix, "",
                Duration.ZERO);
        String hash = PasswordHash.hash("123456");
        for (int i = 0; i < n; i++) {
            list.add(new Site(String.format("%s%04d", prefix, i + 1), "模拟站 " + prefix + (i + 1), Medium.AIR,
                    naming.mn(i), hash, "模拟省", SIMULATED_CITY, null, null, latitude + (i % 5) * 0.05,
                    110.0 + (i / 5) * 0.05, false));
        }
    }

    /** A demo still running on this directory would lose its store to the wipe (the file is unlinked under it). */
    static void refuseIfHeld(Path dir) {
        Path file = dir.resolve(org.envmon.store.duckdb.DuckDbEngine.FILE_NAME);
        if (!Files.exists(file)) {
            return;
        }
        java.util.Properties readOnly = new java.util.Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + file, readOnly)) {
            // not held: free to empty
        } catch (java.sql.SQLException e) {
            if (String.valueOf(e.getMessage()).contains("Could not set lock")) {
                throw new CannotRun("the demo's store " + file.toAbsolutePath().normalize() + " is in use by another"
                        + " process (a demo still running?); stop it first, or give another --data-dir");
            }
            // unreadable for another reason (older or broken file): emptied all the same
        }
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
