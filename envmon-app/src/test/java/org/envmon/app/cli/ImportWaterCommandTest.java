package org.envmon.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envmon.app.cli.CommandLineTest.envmon;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.envmon.app.DemoData;
import org.envmon.app.cli.CommandLineTest.Run;
import org.envmon.model.Medium;
import org.envmon.model.SiteQuery;
import org.envmon.model.Store;
import org.envmon.store.StoreConfig;
import org.envmon.store.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code envmon import cnemc-water} on the shipped slice of the CNEMC surface-water publication and on bad rows. */
class ImportWaterCommandTest {
    static final Path SLICE = CommandLineTest.REPO.resolve(DemoData.WATER_SECTIONS);

    @TempDir
    Path dir;

    @Test
    void theShippedSliceImportsOnceAndItsSkippedCellsAreCountedByReason() {
        Run r = envmon("import", "cnemc-water", SLICE.toString(), "--data-dir", dir.toString());
        assertThat(r.err().lines().findFirst().orElse("")).startsWith("store: duckdb ");
        // 36 pH cells are displayed without their raw value: not stored, counted; exit 1 as for any skipped value
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("36 problem(s), by reason:")
                .containsPattern("36  displayed value without raw value \\(value skipped\\)")
                .contains(":12 column pH(无量纲)_原始值: raw value empty, displayed '9'");
        assertThat(r.out()).contains("rows read 4450, imported 4450").contains("sites created 1596");
        try (Store store = Stores.open(StoreConfig.duckdb(dir))) {
            assertThat(store.sites().list(new SiteQuery(Medium.SURFACE_WATER, "北京市", null)))
                    .allSatisfy(s -> assertThat(s.city()).isEqualTo("北京市"))
                    .anySatisfy(s -> assertThat(s.waterbody()).isEqualTo("reservoir"));
        }
        Run again = envmon("import", "cnemc-water", SLICE.toString(), "--data-dir", dir.toString());
        assertThat(again.out()).contains("imported 0, values stored 0, duplicates 4450, sites created 0");
    }

    @Test
    void badRowsAreReportedWithFileLineAndColumnAndTheRestLoads() throws Exception {
        Path csv = dir.resolve("bad.csv");
        List<String> lines;
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(SLICE))) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().limit(3).toList();
        }
        String good = lines.get(1);
        Files.write(csv, List.of(lines.get(0), good, lines.get(2).replace("2025-11-06 20:00", "2025-11-06"),
                good.replace(",正常,", ",停电,").replace("2025-11-06 20:00", "2025-11-06 16:00"), "a,b"),
                StandardCharsets.UTF_8);
        Run r = envmon("import", "cnemc-water", csv.toString(), "--data-dir", dir.resolve("db").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("bad.csv:3:7 column 监测时间: bad 监测时间 (yyyy-MM-dd HH:mm): '2025-11-06'")
                .contains("bad.csv:4:31 column 站点情况: unknown 站点情况: '停电'")
                .contains("bad.csv:5: expected 33 cells, found 2");
        assertThat(r.out()).contains("rows read 4, imported 2, values stored 18");
    }

    @Test
    void importsIntoPostgresToo() throws Exception {
        org.envmon.store.PostgresTestDatabase.assumeAvailable();
        try (org.envmon.store.PostgresTestDatabase pg = org.envmon.store.PostgresTestDatabase.create()) {
            Path csv = dir.resolve("two.csv");
            try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(SLICE))) {
                Files.write(csv, new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().limit(3).toList(),
                        StandardCharsets.UTF_8);
            }
            Run r = envmon("import", "cnemc-water", csv.toString(), "--store", "postgres", "--jdbc-url", pg.url());
            assertThat(r.err()).startsWith("store: postgres");
            assertThat(r.out()).contains("imported 2, values stored 18, duplicates 0, sites created 2");
            assertThat(r.exit()).isZero();
        }
    }

    @Test
    void aMissingFileImportsNothing() {
        Run r = envmon("import", "cnemc-water", dir.resolve("none.csv").toString(), "--data-dir", dir.toString());
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.err()).contains("none.csv: no such file; nothing imported");
    }
}
