package org.envmon.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.envmon.app.DemoData;
import org.envmon.app.RunningPlatform;
import org.envmon.ingest.IngestSink;
import org.envmon.ingest.files.CnemcHourlyImporter;
import org.envmon.ingest.files.ImportReport;
import org.envmon.model.SiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Timing of the console's reads on the demo's data (the 2,026 national air stations, Beijing's January 2019), for
 * BENCHMARKS.md. Not a test of the build (its name does not end in Test): run it by name,
 * {@code mvn -B -ntp -q -pl envmon-app -am test -Dtest=ReviewQueueTiming -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ReviewQueueTiming {
    private static final int ROUNDS = 20;

    @Test
    void consoleReadsOnTheDemoData(@TempDir Path dir) throws Exception {
        try (RunningPlatform platform = RunningPlatform.duckdb(dir)) {
            SiteStore sites = platform.bean(SiteStore.class);
            sites.upsert(DemoData.nationalAirStations());
            ImportReport report = new ImportReport();
            new CnemcHourlyImporter(platform.bean(IngestSink.class), sites,
                    CnemcHourlyImporter.stationListOf(DemoData.nationalAirStations()), Clock.systemUTC())
                    .importStream(new InputStreamReader(new GZIPInputStream(DemoData.open(
                            DemoData.BEIJING_JANUARY_2019)), StandardCharsets.UTF_8), "beijing", report);
            System.out.println("TIMING data: " + report);
            String admin = platform.adminToken();
            String month = "from=2019-01-01T00:00%2B08:00&to=2019-02-01T00:00%2B08:00";
            time(platform, admin, "review queue, city 北京, 31 days (with screening)",
                    "/api/v1/review-queue?" + month + "&city=" + URLEncoder.encode("北京", StandardCharsets.UTF_8));
            time(platform, admin, "review queue, national (2,026 stations), 31 days (screening omitted)",
                    "/api/v1/review-queue?" + month);
            time(platform, admin, "station rates, national (2,026 stations), 31 days",
                    "/api/v1/station-rates?from=2019-01-01&to=2019-01-31");
        }
    }

    private static void time(RunningPlatform platform, String token, String what, String path) throws Exception {
        HttpResponse<String> first = platform.getAs(token, path);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        long[] ms = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long t0 = System.nanoTime();
            platform.getAs(token, path);
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        Arrays.sort(ms);
        int items = first.body().split("\"site\":", -1).length - 1;
        System.out.printf("TIMING %s: median %d ms, max %d ms over %d requests (%d sites named in the answer, %d bytes)%n", what,
                ms[ROUNDS / 2], ms[ROUNDS - 1], ROUNDS, items, first.body().length());
    }
}
