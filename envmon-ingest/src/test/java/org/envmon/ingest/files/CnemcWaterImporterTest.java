package org.envmon.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.envmon.ingest.GroupCommitWriter;
import org.envmon.ingest.IngestSink;
import org.envmon.ingest.QualityCheckingSink;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.Observation;
import org.envmon.model.ObservationQuery;
import org.envmon.model.Site;
import org.envmon.model.Statistic;
import org.envmon.model.Store;
import org.envmon.quality.qc.QualityControl;
import org.envmon.store.DuckDbTestDatabase;
import org.envmon.store.Stores;
import org.junit.jupiter.api.Test;

/**
 * Real rows of the CNEMC automatic surface-water publication (demo/cnemc-water-sections-*.csv.gz, its layout with
 * lat/lon appended) through the importer into a real store, QC included.
 */
class CnemcWaterImporterTest {
    static final String HEADER = "snapshot_utc8,省份,流域,所在地市,所属河流,断面名称,监测时间,水质类别,水温(℃),水温(℃)_原始值,"
            + "pH(无量纲),pH(无量纲)_原始值,溶解氧(mg/L),溶解氧(mg/L)_原始值,电导率(μS/cm),电导率(μS/cm)_原始值,浊度(NTU),"
            + "浊度(NTU)_原始值,高锰酸盐指数(mg/L),高锰酸盐指数(mg/L)_原始值,氨氮(mg/L),氨氮(mg/L)_原始值,总磷(mg/L),"
            + "总磷(mg/L)_原始值,总氮(mg/L),总氮(mg/L)_原始值,叶绿素α(mg/L),叶绿素α(mg/L)_原始值,藻密度(cells/L),"
            + "藻密度(cells/L)_原始值,站点情况,lat,lon";
    static final List<String> ROWS = List.of(
            // 2: a river section of Beijing (a district of the municipality)
            "20251106T233901,北京市,海河流域,通州区,港沟河,罗庄,2025-11-06 20:00,Ⅱ,13.0,12.97,9,8.616636,12.2,12.16201,"
                    + "1135.3,1135.291,15.2,15.24055,3.3,3.271,0.02,0.025,0.068,0.06831,8.28,8.2751,*,,*,,正常,,",
            // 3: a reservoir
            "20251106T233901,北京市,海河流域,怀柔区,怀柔水库,怀柔水库,2025-11-06 20:00,Ⅱ,11.7,11.7,8,8.188,10.6,10.59,451.6,"
                    + "451.6,3.9,3.94,1.8,1.781,0.02,0.025,0.016,0.016,2.54,2.541,*,,*,,正常,,",
            // 4: a lake with chlorophyll a (mg/L) and algal density, and coordinates
            "20251106T235129,云南省,滇池流域,昆明市,滇池,草海中心,2025-11-06 20:00,Ⅲ,17.1,17.14,9,8.754,11.8,11.832,380.7,"
                    + "380.68,13.5,13.49,4.4,4.446,0.02,0.025,0.038,0.0378,3.35,3.35,0.031,0.03089,51971100,5.19711E+07,"
                    + "正常,24.95,102.65",
            // 5: under maintenance, CODMn not measured there
            "20251106T233901,天津市,海河流域,滨海新区,青静黄排水渠,青静黄防潮闸,2025-11-06 20:00,,13.2,13.24977,9,8.58679,"
                    + "14.0,14.02237,6755.7,6755.741,10.5,10.53229,*,,0.02,0.025,0.005,0.005,1.83,1.825765,*,,*,,维护,,",
            // 6: pH displayed without its raw value
            "20251106T235129,辽宁省,辽河流域,铁岭市,寇河,松树水文站,2025-11-06 20:00,Ⅱ,8.9,8.89,9,,12.2,12.25,421.1,421.14,"
                    + "14.2,14.19,2.6,2.65,0.02,0.025,0.025,0.025,5.77,5.771,*,,*,,正常,,",
            // 7: the 2026 page layout (no city, no river, no status) of the first section: the same section
            "20260206T102810,北京市,海河流域,,,罗庄,2026-02-06 10:00,Ⅲ,3.7,3.71,8.03,8.027542,9.35,9.346264,1284.8,1284.811,"
                    + "9.7,9.695854,4.66,4.661,0.172,0.1721,0.053,0.05281,8.63,8.6341,--,,--,,,,",
            // 8: a bad time; 9: a bad cell and bad coordinates; 10: a short row; 11: no section name
            "20251106T233901,北京市,海河流域,通州区,港沟河,罗庄,11-06 20:00,Ⅱ,13.0,12.97,9,8.6,12.2,12.1,1135.3,1135.2,"
                    + "15.2,15.2,3.3,3.2,0.02,0.025,0.068,0.068,8.28,8.27,*,,*,,正常,,",
            "20251107T165439,北京市,海河流域,怀柔区,怀柔水库,怀柔水库,2025-11-07 16:00,Ⅱ,11.3,11.33,8,8.129,10.4,x10.41,"
                    + "450.5,450.5,3.2,3.25,1.8,1.841,0.02,0.025,0.014,-0.014,2.53,2.528,*,,*,,正常,91,200",
            "20251107T165439,北京市,海河流域,怀柔区,怀柔水库,怀柔水库,2025-11-07 20:00,Ⅱ",
            "20251107T165439,北京市,海河流域,怀柔区,怀柔水库,,2025-11-07 16:00,Ⅱ,11.3,11.33,8,8.129,10.4,10.41,"
                    + "450.5,450.5,3.2,3.25,1.8,1.841,0.02,0.025,0.014,0.014,2.53,2.528,*,,*,,正常,,");

    static final Instant NOV6_20H = Instant.parse("2025-11-06T12:00:00Z");

    @Test
    void sectionsAreRegisteredAndRawValuesStoredUnderTheirCodesWithTheBadCellsReportedInPlace() throws Exception {
        try (DuckDbTestDatabase db = DuckDbTestDatabase.create(); Store store = Stores.open(db.storeConfig())) {
            ImportReport report = importRows(store, String.join("\n", HEADER, String.join("\n", ROWS)));

            String luozhuang = CnemcWaterSection.code("北京市", "罗庄");
            assertThat(luozhuang).matches("W11[0-9A-F]{8}");
            Site river = store.sites().require(luozhuang);
            assertThat(river.medium()).isEqualTo(Medium.SURFACE_WATER);
            assertThat(river.name()).isEqualTo("罗庄");
            assertThat(river.city()).isEqualTo("北京市");
            assertThat(river.county()).isEqualTo("通州区");
            assertThat(river.basin()).isEqualTo("海河流域");
            assertThat(river.waterbody()).isEqualTo("river");
            assertThat(river.latitude()).isNull();
            assertThat(store.sites().require(CnemcWaterSection.code("北京市", "怀柔水库")).waterbody())
                    .isEqualTo("reservoir");
            Site lake = store.sites().require(CnemcWaterSection.code("云南省", "草海中心"));
            assertThat(lake.waterbody()).isEqualTo("lake");
            assertThat(lake.city()).isEqualTo("昆明市");
            assertThat(lake.latitude()).isEqualTo(24.95);
            assertThat(lake.longitude()).isEqualTo(102.65);
            assertThat(report.sitesCreated()).isEqualTo(5);

            // raw values, not the displayed ones, at 监测时间 Beijing time
            assertThat(value(store, luozhuang, "w01001", NOV6_20H).value()).isEqualTo(8.616636);
            assertThat(value(store, luozhuang, "w21003", NOV6_20H).value()).isEqualTo(0.025);
            assertThat(value(store, luozhuang, "w01010", NOV6_20H).flag()).isEqualTo("N");
            // the 2026 layout's row is the same section
            assertThat(value(store, luozhuang, "w21011", Instant.parse("2026-02-06T02:00:00Z")).value())
                    .isEqualTo(0.05281);
            // chlorophyll a: mg/L published, µg/L stored (the catalogue's unit)
            assertThat(value(store, lake.code(), "w01016", NOV6_20H).value()).isEqualTo(30.89);
            // maintenance: stored with flag M, which QC invalidates; "*" is missing, not zero
            String tianjin = CnemcWaterSection.code("天津市", "青静黄防潮闸");
            Observation maintained = value(store, tianjin, "w21011", NOV6_20H);
            assertThat(maintained.flag()).isEqualTo("M");
            assertThat(maintained.effectiveValid()).isFalse();
            assertThat(store.observations().query(new ObservationQuery(tianjin, "w01019", Interval.HOUR,
                    Statistic.VALUE, NOV6_20H, NOV6_20H.plusSeconds(1), 10))).isEmpty();
            // the displayed pH without a raw value is not stored
            assertThat(store.observations().query(new ObservationQuery(CnemcWaterSection.code("辽宁省", "松树水文站"),
                    "w01001", Interval.HOUR, Statistic.VALUE, NOV6_20H, NOV6_20H.plusSeconds(1), 10))).isEmpty();

            assertThat(report.problems()).extracting(ImportProblem::toString).containsExactly(
                    "rows.csv:6:12 column pH(无量纲)_原始值: raw value empty, displayed '9' (rounded) not stored",
                    "rows.csv:8:7 column 监测时间: bad 监测时间 (yyyy-MM-dd HH:mm): '11-06 20:00'",
                    "rows.csv:9:32 column lat: bad lat/lon: '91', '200'",
                    "rows.csv:9:14 column 溶解氧(mg/L)_原始值: not a number: 'x10.41'",
                    "rows.csv:9:24 column 总磷(mg/L)_原始值: negative or non-finite value: -0.014",
                    "rows.csv:10: expected 33 cells, found 8",
                    "rows.csv:11:6 column 断面名称: empty 断面名称");
            assertThat(report.rowsRead()).isEqualTo(10);
            assertThat(report.rowsImported()).isEqualTo(7);
            // rows 2-4 and 6-7 and 9: every numeric raw cell of the catalogue's parameters; row 5: 8 of them
            assertThat(report.valuesStored()).isEqualTo(9 + 9 + 10 + 8 + 8 + 9 + 7);
        }
    }

    @Test
    void reimportingStoresNothingTwiceAndFillsWhatASectionLacked() throws Exception {
        try (DuckDbTestDatabase db = DuckDbTestDatabase.create(); Store store = Stores.open(db.storeConfig())) {
            // first the 2026 layout only: the section is known without city or water body
            importRows(store, HEADER + "\n" + ROWS.get(5));
            String code = CnemcWaterSection.code("北京市", "罗庄");
            assertThat(store.sites().require(code).waterbody()).isNull();
            assertThat(store.sites().require(code).city()).isEqualTo("北京市");
            ImportReport again = importRows(store, HEADER + "\n" + ROWS.get(0) + "\n" + ROWS.get(5));
            assertThat(again.duplicates()).isEqualTo(1);
            assertThat(again.rowsImported()).isEqualTo(1);
            assertThat(again.sitesCreated()).isZero();
            assertThat(store.sites().require(code).waterbody()).isEqualTo("river");
            assertThat(store.sites().require(code).county()).isEqualTo("通州区");
        }
    }

    @Test
    void theShippedDemoSliceImportsWithOneCodePerSection() throws Exception {
        java.nio.file.Path slice = java.nio.file.Path.of(System.getProperty("envmon.repo.root", ".."), "demo",
                "cnemc-water-sections-2025-11_2026-02.csv.gz");
        try (DuckDbTestDatabase db = DuckDbTestDatabase.create(); Store store = Stores.open(db.storeConfig())) {
            ImportReport report = new ImportReport();
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (GroupCommitWriter writer = new GroupCommitWriter(store.observations(), 10_000, 2_000, registry)) {
                new CnemcWaterImporter(writer, store.sites(), Clock.systemUTC()).importFile(slice, report);
            }
            // 1,596 sections by province and name: no two share a code
            assertThat(report.sitesCreated()).isEqualTo(1596);
            assertThat(store.sites().list(new org.envmon.model.SiteQuery(Medium.SURFACE_WATER, null, null)))
                    .hasSize(1596).filteredOn(s -> s.latitude() != null).hasSize(91);
            assertThat(report.rowsImported()).isEqualTo(4450);
            // the only cells skipped: 36 pH values displayed as "9" without their raw value
            assertThat(report.problemsByKind()).containsExactly(
                    java.util.Map.entry("displayed value without raw value (value skipped)", 36L));
        }
    }

    @Test
    void theWaterBodyIsThePublicationsWaterBodyFieldNotTheSectionName() {
        assertThat(CnemcWaterSection.waterbodyOf("怀柔水库")).isEqualTo("reservoir");
        assertThat(CnemcWaterSection.waterbodyOf("石门水库（褒河）")).isEqualTo("reservoir");
        assertThat(CnemcWaterSection.waterbodyOf("滇池")).isEqualTo("lake");
        assertThat(CnemcWaterSection.waterbodyOf("白洋淀")).isEqualTo("lake");
        assertThat(CnemcWaterSection.waterbodyOf("洱海")).isEqualTo("lake");
        assertThat(CnemcWaterSection.waterbodyOf("海河")).isEqualTo("river");
        assertThat(CnemcWaterSection.waterbodyOf("湘家荡")).isEqualTo("river");
        assertThat(CnemcWaterSection.waterbodyOf("京杭大运河苏北段（湖西段-不牢河段）")).isEqualTo("river");
        assertThat(CnemcWaterSection.waterbodyOf("")).isNull();
    }

    @Test
    void aFileOfAnotherLayoutIsSkippedWithOneProblem() throws Exception {
        try (DuckDbTestDatabase db = DuckDbTestDatabase.create(); Store store = Stores.open(db.storeConfig())) {
            ImportReport report = importRows(store, "date,hour,type,1001A\n20190101,1,PM2.5,3");
            assertThat(report.problems()).extracting(ImportProblem::kind)
                    .containsExactly("not the CNEMC water layout (file skipped)");
        }
    }

    static ImportReport importRows(Store store, String csv) throws Exception {
        ImportReport report = new ImportReport();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (GroupCommitWriter writer = new GroupCommitWriter(store.observations(), 1_000, 100, registry);
             IngestSink sink = new QualityCheckingSink(writer, QualityControl.withDefaults(), store.sites(),
                     registry)) {
            new CnemcWaterImporter(sink, store.sites(), Clock.systemUTC()).importStream(new StringReader(csv),
                    "rows.csv", report);
        }
        return report;
    }

    static Observation value(Store store, String site, String parameter, Instant t) {
        List<Observation> found = store.observations().query(new ObservationQuery(site, parameter, Interval.HOUR,
                Statistic.VALUE, t, t.plusSeconds(1), 10));
        assertThat(found).as(site + " " + parameter + " " + t).hasSize(1);
        return found.get(0);
    }
}
