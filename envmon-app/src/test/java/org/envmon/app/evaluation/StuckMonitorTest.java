package org.envmon.app.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.envmon.app.DemoData;
import org.envmon.evaluation.AirPollutants;
import org.envmon.evaluation.derived.AirDerivation;
import org.envmon.evaluation.derived.LiveRecompute;
import org.envmon.ingest.GroupCommitWriter;
import org.envmon.ingest.IngestSink;
import org.envmon.ingest.QualityCheckingSink;
import org.envmon.ingest.files.CnemcHourlyImporter;
import org.envmon.ingest.files.ImportReport;
import org.envmon.quality.qc.QcOptions;
import org.envmon.quality.qc.QcRules;
import org.envmon.quality.qc.QualityControl;
import org.envmon.model.DerivedStore;
import org.envmon.store.DuckDbTestDatabase;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.Observation;
import org.envmon.model.ObservationQuery;
import org.envmon.model.ObservationRow;
import org.envmon.model.PacketWrite;
import org.envmon.store.PostgresTestDatabase;
import org.envmon.store.TestDatabase;
import org.envmon.model.QcFlag;
import org.envmon.model.RawPacket;
import org.envmon.model.Site;
import org.envmon.model.Statistic;
import org.envmon.model.Store;
import org.envmon.store.Stores;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A stuck monitor is flagged from its first hour once its constant run reaches the QC threshold (PM2.5 hourly: 12
 * equal hours above 5), and the derived station and city tables treat the whole run as missing: on a real stuck run
 * of the 2019 CNEMC publication through the file import, and on the live path (QC sink, group-commit writer, live
 * recompute). On both store engines.
 */
class StuckMonitorTest {
    private static final ZoneOffset BJ = ZoneOffset.ofHours(8);
    private static final String SLICE = "org/envmon/app/evaluation/cnemc_2019_chengdu_20190201-04.csv";
    /** 1434A's PM2.5 is 70 for the hours starting 2019-02-02 19:00 .. 2019-02-03 09:00 (Beijing), 15 hours. */
    private static final Instant RUN_START = Instant.parse("2019-02-02T19:00:00+08:00");
    private static final int RUN_HOURS = 15;

    /** A throw-away database of the engine (PostgreSQL skips where it is unreachable). */
    private static TestDatabase db(String engine) {
        return engine.equals("postgres") ? PostgresTestDatabase.create() : DuckDbTestDatabase.create();
    }

    // ------------------------------------------------------------------ a real stuck run, imported

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "postgres"})
    void aRealStuckRunIsInvalidFromItsFirstHourAndTheDerivedTablesTreatItAsMissing(String engine) throws Exception {
        String csv = slice();
        // The same hours with 1434A's run cells blank: what the derived tables must equal.
        String blanked = blankRun(csv);
        try (TestDatabase a = db(engine); TestDatabase b = db(engine); Store flagged = Stores.open(a.storeConfig());
                Store missing = Stores.open(b.storeConfig())) {
            String city = importAndDerive(flagged, csv);
            importAndDerive(missing, blanked);

            List<Observation> pm25 = flagged.observations().query(new ObservationQuery("1434A", "a34004",
                    Interval.HOUR, Statistic.VALUE, RUN_START.minusSeconds(3600), RUN_START.plusSeconds(3600L
                    * (RUN_HOURS + 1)), 100));
            assertThat(pm25).hasSize(RUN_HOURS + 2);
            assertThat(pm25.get(0).value()).isEqualTo(69.0);
            assertThat(pm25.get(0).effectiveValid()).isTrue();
            List<Observation> run = pm25.subList(1, RUN_HOURS + 1);
            assertThat(run).extracting(Observation::value).containsOnly(70.0); // raw values unchanged
            assertThat(run).allSatisfy(o -> {
                assertThat(o.effectiveValid()).as(o.time().toString()).isFalse();
                assertThat(o.qcCodes()).contains("CONSTANT");
            });
            assertThat(pm25.get(RUN_HOURS + 1).value()).isEqualTo(52.0);
            assertThat(pm25.get(RUN_HOURS + 1).effectiveValid()).isTrue();

            // The evidence: the run's start, its length when it reached the threshold, the value.
            List<QcFlag> flags = flagged.quality().qcFlags("1434A", null, null);
            assertThat(flags).hasSize(1);
            QcFlag f = flags.get(0);
            assertThat(f.parameter()).isEqualTo("a34004");
            assertThat(f.code()).isEqualTo("CONSTANT");
            assertThat(f.from()).isEqualTo(RUN_START);
            assertThat(f.to()).isEqualTo(RUN_START.plusSeconds(11 * 3600)); // the 12th hour carries its own code
            assertThat(f.runLength()).isEqualTo(12);
            assertThat(f.runValue()).isEqualTo(70.0);
            assertThat(f.chainSeq()).isPositive();
            assertThat(flagged.chain().verify().state()).isEqualTo(org.envmon.model.VerifyReport.State.INTACT);

            // Derived station and city hours and days: as if the stuck hours had never been reported.
            Instant from = LocalDate.of(2019, 2, 1).atStartOfDay().toInstant(BJ);
            Instant to = LocalDate.of(2019, 2, 5).atStartOfDay().toInstant(BJ);
            for (DerivedStore.Scope scope : DerivedStore.Scope.values()) {
                List<String> codes = scope == DerivedStore.Scope.CITY ? List.of(city) : List.of("1434A");
                assertThat(hours(flagged, scope, codes, from, to)).as(scope + " hours")
                        .isEqualTo(hours(missing, scope, codes, from, to)).isNotEmpty();
                assertThat(days(flagged, scope, codes)).as(scope + " days").isEqualTo(days(missing, scope, codes))
                        .isNotEmpty();
            }
            List<DerivedStore.Hour> station = hours(flagged, DerivedStore.Scope.STATION, List.of("1434A"),
                    RUN_START.minusSeconds(3600), RUN_START.plusSeconds(3600L * RUN_HOURS));
            assertThat(station.get(0).values()[AirPollutants.PM25]).isEqualTo(69_000);
            assertThat(station.subList(1, RUN_HOURS + 1)).allSatisfy(h -> assertThat(h.values()[AirPollutants.PM25])
                    .as(h.toString()).isEqualTo(-1));
        }
    }

    private static String importAndDerive(Store store, String csv) throws Exception {
        List<Site> chengdu = DemoData.nationalAirStations().stream()
                .filter(s -> csv.lines().findFirst().orElseThrow().contains(s.code())).toList();
        store.sites().upsert(chengdu);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ImportReport report = new ImportReport();
        try (IngestSink sink = new QualityCheckingSink(new GroupCommitWriter(store.observations(), 1_000, 200,
                registry), QualityControl.withDefaults(), store.sites(), registry)) {
            new CnemcHourlyImporter(sink, store.sites(), CnemcHourlyImporter.stationListOf(chengdu),
                    Clock.systemUTC()).importStream(new StringReader(csv), "chengdu.csv", report);
        }
        assertThat(report.problems()).isEmpty();
        new AirDerivation(store.sites(), store.observations(), store.derived()).recomputeAll(
                LocalDate.of(2019, 2, 1), LocalDate.of(2019, 2, 5));
        return chengdu.get(0).city();
    }

    private static String slice() throws Exception {
        try (InputStream in = StuckMonitorTest.class.getClassLoader().getResourceAsStream(SLICE)) {
            assertThat(in).as(SLICE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The CSV with 1434A's PM2.5 cells of the run's hours (published 2019-02-02 20 .. 2019-02-03 10) emptied. */
    private static String blankRun(String csv) {
        List<String> lines = csv.lines().toList();
        int col = List.of(lines.get(0).split(",", -1)).indexOf("1434A");
        StringBuilder out = new StringBuilder();
        int blanked = 0;
        for (String line : lines) {
            String[] c = line.split(",", -1);
            boolean inRun = c.length > col && c[2].equals("PM2.5")
                    && (c[0].equals("20190202") && Integer.parseInt(c[1]) >= 20
                    || c[0].equals("20190203") && Integer.parseInt(c[1]) <= 10);
            if (inRun) {
                assertThat(c[col]).isEqualTo("70");
                c[col] = "";
                blanked++;
            }
            out.append(String.join(",", c)).append('\n');
        }
        assertThat(blanked).isEqualTo(RUN_HOURS);
        return out.toString();
    }

    private static List<DerivedStore.Hour> hours(Store s, DerivedStore.Scope scope, List<String> codes, Instant from,
            Instant to) {
        List<DerivedStore.Hour> out = new ArrayList<>();
        s.derived().hours(scope, codes, from, to, out::add);
        return out;
    }

    private static List<DerivedStore.Day> days(Store s, DerivedStore.Scope scope, List<String> codes) {
        List<DerivedStore.Day> out = new ArrayList<>();
        s.derived().days(scope, codes, LocalDate.of(2019, 2, 1), LocalDate.of(2019, 2, 4), out::add);
        return out;
    }

    // ------------------------------------------------------------------ the live path

    private static final String CITY = "卡滞市";
    private static final LocalDate DAY = LocalDate.of(2024, 6, 1);

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "postgres"})
    void liveTheTwelfthEqualHourFlagsTheFirstElevenAndTheRecomputeDropsThemARunOfElevenFlagsNothing(String engine) {
        Instant day = DAY.atStartOfDay().toInstant(BJ);
        Clock clock = Clock.fixed(day.plus(Duration.ofHours(20)), BJ);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (TestDatabase db = db(engine); Store store = Stores.open(db.storeConfig());
                LiveRecompute worker = new LiveRecompute(store, Duration.ZERO, Duration.ofDays(3), clock, registry)) {
            store.sites().upsert(List.of(site("STUCK"), site("ELEVEN")));
            GroupCommitWriter writer = new GroupCommitWriter(store.observations(), 1_000, 200, registry);
            java.util.concurrent.atomic.AtomicInteger committed = new java.util.concurrent.atomic.AtomicInteger();
            org.envmon.ingest.StoredBatches.follow(writer.log(), "live", stored -> {
                worker.committed(stored);
                committed.addAndGet(stored.size());
            }, registry);
            try (IngestSink sink = new QualityCheckingSink(writer, new QualityControl(QcRules.defaults(),
                    QcOptions.defaults(), clock), store.sites(), registry)) {
                // Hours 0..10: STUCK sends PM2.5 80 (11 equal), ELEVEN sends 60 (11 equal).
                send(sink, 0, 11);
                awaitListener(committed, 22);
                worker.runOnce();
                for (int h = 0; h < 11; h++) {
                    assertThat(pm25(store, "STUCK", h)).as("hour " + h + " before the run qualifies").isEqualTo(80_000);
                    assertThat(cityPm25(store, h)).isEqualTo(70_000);
                }
                assertThat(store.quality().qcFlags("STUCK", null, null)).isEmpty();

                // Hour 11: STUCK's 12th equal hour; ELEVEN changes to 61 (its run ended at 11).
                send(sink, 11, 12);
                awaitListener(committed, 24);
                assertThat(worker.runOnce()).isPositive();
            }
            for (int h = 0; h < 12; h++) {
                assertThat(pm25(store, "STUCK", h)).as("STUCK hour " + h).isEqualTo(-1);
                assertThat(pm25(store, "ELEVEN", h)).as("ELEVEN hour " + h).isEqualTo(h < 11 ? 60_000 : 61_000);
                assertThat(cityPm25(store, h)).as("city hour " + h).isEqualTo(h < 11 ? 60_000 : 61_000);
            }
            List<Observation> stuck = store.observations().query(new ObservationQuery("STUCK", "a34004",
                    Interval.HOUR, Statistic.VALUE, day, day.plus(Duration.ofHours(24)), 100));
            assertThat(stuck).hasSize(12).allSatisfy(o -> {
                assertThat(o.effectiveValid()).isFalse();
                assertThat(o.qcCodes()).containsExactly("CONSTANT");
            });
            assertThat(store.quality().qcFlags("STUCK", null, null)).singleElement().satisfies(f -> {
                assertThat(f.from()).isEqualTo(day);
                assertThat(f.to()).isEqualTo(day.plus(Duration.ofHours(11)));
                assertThat(f.runLength()).isEqualTo(12);
            });
            assertThat(store.observations().query(new ObservationQuery("ELEVEN", "a34004", Interval.HOUR,
                    Statistic.VALUE, day, day.plus(Duration.ofHours(24)), 100)))
                    .hasSize(12).allSatisfy(o -> assertThat(o.effectiveValid()).isTrue());
            assertThat(store.quality().qcFlags("ELEVEN", null, null)).isEmpty();
        }
    }

    private static Site site(String code) {
        return new Site(code, code, Medium.AIR, "MN" + code, null, "演示省", CITY, null, null, 30.0, 114.0, false);
    }

    /** Hours [first, end) of both stations as hourly packets through the sink; waits until they are durable. */
    private static void send(IngestSink sink, int first, int end) {
        Instant day = DAY.atStartOfDay().toInstant(BJ);
        List<CompletableFuture<?>> done = new ArrayList<>();
        for (int h = first; h < end; h++) {
            Instant t = day.plus(Duration.ofHours(h));
            for (String station : Set.of("STUCK", "ELEVEN")) {
                double pm25 = station.equals("STUCK") ? 80 : h < 11 ? 60 : 61;
                List<ObservationRow> rows = Stream.of(new Object[][] {{"a34004", pm25}, {"a34002", pm25 + 40 + h},
                        {"a21026", 6.0 + h}, {"a21004", 25.0 + h}, {"a21005", 0.5 + h / 10.0}, {"a05024", 30.0 + h}})
                        .map(p -> new ObservationRow(station, (String) p[0], Interval.HOUR, Statistic.VALUE, t,
                                (Double) p[1], "N")).toList();
                RawPacket raw = new RawPacket(("packet " + station + " " + h).getBytes(StandardCharsets.US_ASCII),
                        "10.0.0.1:1", t.plusSeconds(60), "hj212", "MN" + station, "2061", station + h, station + h,
                        true);
                done.add(sink.submit(new PacketWrite(raw, rows)));
            }
        }
        done.forEach(CompletableFuture::join);
    }

    /** The writer completes the packets' futures before it tells its listeners: wait for them. */
    private static void awaitListener(java.util.concurrent.atomic.AtomicInteger committed, int packets) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (committed.get() < packets && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.yield();
        }
        assertThat(committed.get()).isEqualTo(packets);
    }

    private static long pm25(Store store, String station, int hour) {
        return hour(store, DerivedStore.Scope.STATION, station, hour).values()[AirPollutants.PM25];
    }

    private static long cityPm25(Store store, int hour) {
        return hour(store, DerivedStore.Scope.CITY, CITY, hour).values()[AirPollutants.PM25];
    }

    private static DerivedStore.Hour hour(Store store, DerivedStore.Scope scope, String code, int hour) {
        Instant t = DAY.atStartOfDay().toInstant(BJ).plus(Duration.ofHours(hour));
        List<DerivedStore.Hour> out = hours(store, scope, List.of(code), t, t.plusSeconds(3600));
        assertThat(out).as(scope + " " + code + " hour " + hour).hasSize(1);
        return out.get(0);
    }
}
