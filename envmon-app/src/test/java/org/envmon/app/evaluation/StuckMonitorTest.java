package org.envmon.app.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.envmon.app.DemoData;
import org.envmon.evaluation.AirPollutants;
import org.envmon.evaluation.derived.AirDerivation;
import org.envmon.ingest.GroupCommitWriter;
import org.envmon.ingest.IngestSink;
import org.envmon.ingest.QualityCheckingSink;
import org.envmon.ingest.files.CnemcHourlyImporter;
import org.envmon.ingest.files.ImportReport;
import org.envmon.model.DerivedStore;
import org.envmon.model.Interval;
import org.envmon.model.Observation;
import org.envmon.model.ObservationQuery;
import org.envmon.model.QcFlag;
import org.envmon.model.Site;
import org.envmon.model.Statistic;
import org.envmon.model.Store;
import org.envmon.quality.qc.QualityControl;
import org.envmon.store.DuckDbTestDatabase;
import org.envmon.store.PostgresTestDatabase;
import org.envmon.store.Stores;
import org.envmon.store.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A stuck monitor is flagged from its first hour once its constant run reaches the QC threshold (PM2.5 hourly: 12
 * equal hours above 5), and the derived station and city tables treat the whole run as missing: on a real stuck run
 * of the 2019 CNEMC publication through the file import (the live path: {@link StuckMonitorLiveTest}). On both
 * store engines.
 */
class StuckMonitorTest {
    private static final ZoneOffset BJ = ZoneOffset.ofHours(8);
    private static final String SLICE = "org/envmon/app/evaluation/cnemc_2019_chengdu_20190201-04.csv";
    /** 1434A's PM2.5 is 70 for the hours starting 2019-02-02 19:00 .. 2019-02-03 09:00 (Beijing), 15 hours. */
    private static final Instant RUN_START = Instant.parse("2019-02-02T19:00:00+08:00");
    private static final int RUN_HOURS = 15;

    /** A throw-away database of the engine (PostgreSQL skips where it is unreachable). */
    static TestDatabase db(String engine) {
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

    static List<DerivedStore.Hour> hours(Store s, DerivedStore.Scope scope, List<String> codes, Instant from,
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
}
