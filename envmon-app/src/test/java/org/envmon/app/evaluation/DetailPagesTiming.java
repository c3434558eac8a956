package org.envmon.app.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.envmon.app.DemoData;
import org.envmon.model.SiteStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a station or city page asks for, timed on a full year of real data (Beijing 2019, 12 stations): a measurement
 * for BENCHMARKS.md, not a test. Runs only with {@code -Denvmon.timing=true} and the shared CNEMC files.
 */
class DetailPagesTiming {

    @Test
    void requestsOfTheDetailPages(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("envmon.timing"), "a measurement: run with -Denvmon.timing=true");
        Path beijing = EvaluationPlatform.cnemcFile("cnemc_2019_beijing.csv.gz");
        Assumptions.assumeTrue(beijing != null, "needs ../shared/data/air/cnemc-2019-cities");
        try (EvaluationPlatform p = EvaluationPlatform.duckdb(dir)) {
            p.bean(SiteStore.class).upsert(DemoData.nationalAirStations());
            p.importCnemc(beijing, d -> true);
            p.bean(org.envmon.evaluation.derived.LiveRecompute.class).recomputeAll(LocalDate.of(2018, 12, 31),
                    LocalDate.of(2020, 1, 1));
            String bj = EvaluationPlatform.enc("北京");
            String[] paths = {"/api/v1/portal/periods?city=" + bj, "/api/v1/portal/periods?site=1001A",
                "/api/v1/portal/periods", "/api/v1/aqi/daily?city=" + bj + "&from=2019-01-01&to=2019-12-31",
                "/api/v1/aqi/daily?site=1001A&from=2019-01-01&to=2019-12-31",
                "/api/v1/aqi/hourly?city=" + bj + "&from=2019-12-31T00:00&to=2020-01-01T00:00",
                "/api/v1/sites/1001A/quality?from=2019-12-02&to=2019-12-31",
                "/api/v1/rankings/cities?from=2019-01-01&to=2019-12-31&by=composite"};
            for (int round = 0; round < 3; round++) {
                for (String path : paths) {
                    long t0 = System.nanoTime();
                    var r = p.get(path);
                    System.out.printf("TIMING round %d %s %d %.1f ms %d bytes%n", round, path, r.statusCode(),
                            (System.nanoTime() - t0) / 1e6, r.body().length());
                    assertThat(r.statusCode()).isEqualTo(200);
                }
            }
        }
    }
}
