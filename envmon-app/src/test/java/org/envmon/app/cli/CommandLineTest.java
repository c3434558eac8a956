package org.envmon.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.envmon.model.Interval;
import org.envmon.model.ObservationQuery;
import org.envmon.store.PostgresTestDatabase;
import org.envmon.model.Statistic;
import org.envmon.model.Store;
import org.envmon.store.StoreConfig;
import org.envmon.store.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code envmon sites import} and {@code envmon import cnemc} on real files, on both stores. */
class CommandLineTest {
    static final Path REPO = Path.of(System.getProperty("envmon.repo.root", ".."));
    static final Path STATIONS = REPO.resolve("demo/sites-air-cnemc.csv");

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static synchronized Run envmon(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = EnvmonMain.commandLine().execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void theNationalStationListImportsCleanly() {
        Run r = envmon("sites", "import", STATIONS.toString(), "--data-dir", dir.toString());
        assertThat(r.err()).doesNotContain(".csv:");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("2026 sites imported");
        try (Store store = Stores.open(StoreConfig.duckdb(dir))) {
            assertThat(store.sites().byCode("1002A")).hasValueSatisfying(s -> {
                assertThat(s.control()).isTrue();
                assertThat(s.city()).isEqualTo("北京");
                assertThat(s.passwordHash()).startsWith("sha256$").doesNotContain("123456");
            });
        }
    }

    @Test
    void theOriginalCnemcStationListLayoutIsAcceptedToo() {
        Path original = org.envmon.testkit.SharedData.require("air/stations/cnemc_station_list_2022.csv");
        Run r = envmon("sites", "import", original.toString(), "--data-dir", dir.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("2026 sites imported");
    }

    @Test
    void badSiteRowsAreReportedWithLineAndColumnAndTheRestLoads() throws Exception {
        Path csv = dir.resolve("sites.csv");
        Files.writeString(csv, String.join("\n",
                "code,name,medium,mn,password,province,city,latitude,longitude",
                "A1,Good,air,MN0001,pw1,北京市,北京,39.9,116.4",
                "A2,Bad medium,lava,MN0002,pw2,北京市,北京,39.9,116.4",
                "A3,Bad latitude,air,MN0003,pw3,北京市,北京,139.9,116.4",
                "A4,Good too,surface_water,,,湖北省,武汉,,",
                ""), StandardCharsets.UTF_8);
        Run r = envmon("sites", "import", csv.toString(), "--data-dir", dir.resolve("db").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("2 sites imported");
        assertThat(r.err()).contains("sites.csv:3 column medium: unknown medium 'lava'")
                .contains("sites.csv:4 column latitude: latitude out of range");
    }

    @Test
    void aNationalDayOfHourlyDataImportsAndReimportsIdempotently() {
        Path day = org.envmon.testkit.SharedData.require("air/cnemc-2019-national-week/china_sites_20190101.csv");
        Run first = envmon("import", "cnemc", day.toString(), "--data-dir", dir.toString());
        assertThat(first.exit()).as(first.err()).isIn(0, 1);
        // The 2019 files carry two station codes missing from the list; they are registered and reported.
        assertThat(first.err()).doesNotContain("not a number");
        long values;
        try (Store store = Stores.open(StoreConfig.duckdb(dir))) {
            values = store.observations().observationCount();
            assertThat(values).isGreaterThan(100_000);
            assertThat(store.sites().count()).isGreaterThan(1500);
            Instant t = Instant.parse("2019-01-01T03:00:00Z"); // 11:00-12:00 Beijing, CNEMC row hour 12
            assertThat(store.observations().query(new ObservationQuery("1003A", "a21005", Interval.HOUR,
                    Statistic.VALUE, t, t.plusSeconds(1), 1))).hasSize(1);
        }
        Run again = envmon("import", "cnemc", day.toString(), "--data-dir", dir.toString());
        assertThat(again.out()).contains("values stored 0").contains("duplicates 24");
        try (Store store = Stores.open(StoreConfig.duckdb(dir))) {
            assertThat(store.observations().observationCount()).isEqualTo(values);
        }
    }

    @Test
    void importsComputeTheDerivedAirDataAndRecomputeRebuildsItAndTheLateHours() {
        Path day = org.envmon.testkit.SharedData.require("air/cnemc-2019-national-week/china_sites_20190101.csv");
        Run imported = envmon("import", "cnemc", day.toString(), "--data-dir", dir.toString());
        assertThat(imported.out()).contains("Derived air data 2018-12-31 .. 2019-01-02");
        java.util.List<org.envmon.model.DerivedStore.Day> beijing = new java.util.ArrayList<>();
        long[] stationRows;
        try (Store store = Stores.open(StoreConfig.duckdb(dir))) {
            store.derived().days(org.envmon.model.DerivedStore.Scope.CITY, java.util.List.of("北京"),
                    java.time.LocalDate.of(2019, 1, 1), java.time.LocalDate.of(2019, 1, 1), beijing::add);
            stationRows = store.derived().count(org.envmon.model.DerivedStore.Scope.STATION);
            // A day with 23 of 24 hours (00:00-01:00 of Jan 1 is in the Dec 31 file): a valid daily value.
            assertThat(beijing).hasSize(1);
            assertThat(beijing.get(0).aqi()).isPositive();
            assertThat(stationRows[0]).isGreaterThan(1500L); // station-days of hourly slots: one per station at least
            store.derived().replace(java.util.List.of(new org.envmon.model.DerivedStore.Replacement(
                    org.envmon.model.DerivedStore.Scope.CITY, "北京", null, null, null,
                    java.time.LocalDate.of(2019, 1, 1), java.time.LocalDate.of(2019, 1, 1), null)));
            store.derived().markLate(java.util.List.of(new org.envmon.model.DerivedStore.Late("1001A",
                    Instant.parse("2019-01-01T04:00:00Z"), Instant.now())));
        }
        Run late = envmon("recompute", "--late", "--data-dir", dir.toString());
        assertThat(late.exit()).as(late.err()).isZero();
        assertThat(late.out()).contains("Recomputed 1 late hours").contains("1 flags cleared");
        try (Store store = Stores.open(StoreConfig.duckdb(dir))) {
            java.util.List<org.envmon.model.DerivedStore.Day> again = new java.util.ArrayList<>();
            store.derived().days(org.envmon.model.DerivedStore.Scope.CITY, java.util.List.of("北京"),
                    java.time.LocalDate.of(2019, 1, 1), java.time.LocalDate.of(2019, 1, 1), again::add);
            assertThat(again).isEqualTo(beijing);
            assertThat(store.derived().late(10)).isEmpty();
        }
        Run range = envmon("recompute", "--from", "2019-01-01", "--to", "2019-01-01", "--city", "北京",
                "--data-dir", dir.toString());
        assertThat(range.out()).contains("Recomputed 2019-01-01 .. 2019-01-01: 12 stations, 1 cities");
        assertThat(envmon("recompute", "--data-dir", dir.toString()).exit()).isEqualTo(2);
        assertThat(envmon("recompute", "--late", "--from", "2019-01-01", "--data-dir", dir.toString()).exit())
                .isEqualTo(2);
        assertThat(envmon("recompute", "--late", "--data-dir", dir.toString()).out())
                .contains("No late data flagged");
    }

    @Test
    void badCellsAreReportedWithFileLineAndColumnAndTheRestLoads() throws Exception {
        Path csv = dir.resolve("bad.csv");
        List<String> lines = new ArrayList<>();
        lines.add("date,hour,type,1001A,1003A");
        lines.add("20190101,0,PM2.5,53,68");
        lines.add("20190101,0,PM10,x7,82");
        lines.add("20190101,1,PM2.5,-4,57");
        lines.add("2019-01-01,2,PM2.5,1,2");
        lines.add("20190101,3,PM2.5,1");
        Files.write(csv, lines, StandardCharsets.UTF_8);
        Run r = envmon("import", "cnemc", csv.toString(), "--data-dir", dir.resolve("db").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("bad.csv:3:4 column 1001A: not a number: 'x7'")
                .contains("bad.csv:4:4 column 1001A: negative")
                .contains("bad.csv:5:1 column date: bad date or hour")
                .contains("bad.csv:6: expected 5 cells, found 4");
        // What was skipped, counted by reason.
        assertThat(r.err()).contains("4 problem(s), by reason:")
                .containsPattern("1  value not a number \\(value skipped\\)")
                .containsPattern("1  negative or non-finite value \\(value skipped\\)")
                .containsPattern("1  bad date or hour \\(row skipped\\)")
                .containsPattern("1  wrong number of cells \\(row skipped\\)");
        assertThat(r.out()).contains("values stored 4");
    }

    @Test
    void verifyPassesOnAnIntactStoreAndNamesTheFirstAlteredRecord() throws Exception {
        Path csv = dir.resolve("one.csv");
        Files.write(csv, List.of("date,hour,type,1001A,1003A", "20190101,1,PM2.5,53,68", "20190101,2,PM2.5,49,57"),
                StandardCharsets.UTF_8);
        assertThat(envmon("sites", "import", STATIONS.toString(), "--data-dir", dir.toString()).exit()).isZero();
        assertThat(envmon("import", "cnemc", csv.toString(), "--data-dir", dir.toString()).exit()).isZero();
        Run intact = envmon("verify", "--data-dir", dir.toString(), "--checkpoints",
                dir.resolve("cp.csv").toString());
        assertThat(intact.exit()).as(intact.out()).isZero();
        assertThat(intact.out()).startsWith("intact");
        assertThat(Files.readAllLines(dir.resolve("cp.csv")).get(0)).startsWith("first_seq,last_seq");

        // Someone with database access lowers one stored value behind the platform's back.
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("envmon.duckdb"));
             var st = c.createStatement()) {
            assertThat(st.executeUpdate("UPDATE observations SET value = 35 WHERE site_code = '1001A' AND value = 53"))
                    .isEqualTo(1);
        }
        Run broken = envmon("verify", "--data-dir", dir.toString());
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.out()).contains("observation");
    }

    @Test
    void verifyFindsTamperingInPostgresToo() throws Exception {
        PostgresTestDatabase.assumeAvailable();
        try (PostgresTestDatabase pg = PostgresTestDatabase.create()) {
            Path csv = dir.resolve("one.csv");
            Files.write(csv, List.of("date,hour,type,1001A", "20190101,1,PM2.5,53", "20190101,2,PM2.5,49"),
                    StandardCharsets.UTF_8);
            assertThat(envmon("import", "cnemc", csv.toString(), "--store", "postgres", "--jdbc-url", pg.url())
                    .exit()).isZero();
            assertThat(envmon("verify", "--store", "postgres", "--jdbc-url", pg.url()).exit()).isZero();
            try (var c = pg.connect(); var st = c.createStatement()) {
                st.execute("ALTER TABLE raw_packets DISABLE TRIGGER ALL");
                st.executeUpdate("DELETE FROM raw_packets WHERE id = (SELECT min(id) FROM raw_packets)");
            }
            Run broken = envmon("verify", "--store", "postgres", "--jdbc-url", pg.url());
            assertThat(broken.exit()).isEqualTo(1);
            assertThat(broken.out()).contains("packet");
        }
    }

    @Test
    void reportsAreWrittenFromTheStore() throws Exception {
        Path csv = dir.resolve("bj.csv");
        Files.write(csv, List.of("date,hour,type,1001A,1003A", "20190101,1,PM2.5,53,68", "20190101,2,PM2.5,49,57",
                "20190101,1,PM10,70,80"), StandardCharsets.UTF_8);
        assertThat(envmon("sites", "import", STATIONS.toString(), "--data-dir", dir.toString()).exit()).isZero();
        assertThat(envmon("import", "cnemc", csv.toString(), "--data-dir", dir.toString()).exit()).isZero();
        Run daily = envmon("report", "air", "--city", "北京", "--from", "2019-01-01", "--to", "2019-01-02",
                "--format", "csv", "--table", "stations", "--data-dir", dir.toString());
        assertThat(daily.exit()).as(daily.err()).isZero();
        assertThat(daily.out()).contains("万寿西宫").contains("东四");
        Path pdf = dir.resolve("bj.pdf");
        Run file = envmon("report", "air", "--city", "北京", "--from", "2019-01-01", "--to", "2019-01-02",
                "--format", "pdf", "--output", pdf.toString(), "--data-dir", dir.toString());
        // with a system CJK font or, on a machine without one, the font shipped in envmon-reports
        assertThat(file.exit()).as(file.err()).isZero();
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    @Test
    void importsIntoPostgresToo() throws Exception {
        PostgresTestDatabase.assumeAvailable();
        try (PostgresTestDatabase pg = PostgresTestDatabase.create()) {
            Run sites = envmon("sites", "import", STATIONS.toString(), "--store", "postgres", "--jdbc-url",
                    pg.url());
            assertThat(sites.exit()).as(sites.err()).isZero();
            Path csv = dir.resolve("one.csv");
            Files.write(csv, List.of("date,hour,type,1001A,1003A", "20190101,1,PM2.5,53,68", "20190101,1,CO,1.2,1.6"),
                    StandardCharsets.UTF_8);
            Run data = envmon("import", "cnemc", csv.toString(), "--store", "postgres", "--jdbc-url", pg.url());
            assertThat(data.exit()).as(data.err()).isZero();
            try (Store store = Stores.open(StoreConfig.postgres(pg.url()))) {
                assertThat(store.sites().count()).isEqualTo(2026);
                assertThat(store.observations().observationCount()).isEqualTo(4);
            }
        }
    }
}
