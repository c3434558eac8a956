package org.envmon.app.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.envmon.app.DemoData;
import org.envmon.store.SiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Real data end to end: a CNEMC city file imported through the platform's importer (QC applied) into the store, the
 * platform's station hourly AQI read over HTTP, compared with the official {@code AQI} rows of the same file (which
 * the importer does not store). One month by default (Beijing, January 2019); {@code -Denvmon.agreement.year=true}
 * runs the whole year once.
 */
class CnemcAgreementTest {
    static final ZoneOffset BJ = ZoneOffset.ofHours(8);

    /** Measured: January 2019, 8,637 of 8,637 official station-hours agree; the year: see the class comment. */
    static final double MIN_AGREEMENT = 0.99;

    @TempDir
    static Path dir;

    @Test
    void stationHourlyAqiAgreesWithTheOfficialValues() throws Exception {
        boolean year = Boolean.getBoolean("envmon.agreement.year");
        // January ships with the demo (the same file, Beijing's columns); the year needs ../shared
        Path file = year ? org.envmon.testkit.SharedData.require("air/cnemc-2019-cities/cnemc_2019_beijing.csv.gz")
            : Path.of(System.getProperty("envmon.repo.root", "..")).resolve("demo/cnemc-beijing-2019-01.csv.gz");
        String prefix = year ? "2019" : "201901";
        LocalDate first = LocalDate.of(2019, 1, 1);
        LocalDate last = year ? LocalDate.of(2019, 12, 31) : LocalDate.of(2019, 1, 31);
        try (EvaluationPlatform p = EvaluationPlatform.duckdb(dir)) {
            p.bean(SiteStore.class).upsert(DemoData.nationalAirStations());
            long t0 = System.nanoTime();
            p.importCnemc(file, d -> d.startsWith(prefix) || d.equals(year ? "20200101" : "20190201"));
            long importMs = (System.nanoTime() - t0) / 1_000_000;
            // official AQI by station and interval start (label h = the hour ending at h)
            Map<String, Map<Instant, Integer>> official = new HashMap<>();
            String[] header;
            DateTimeFormatter ymd = DateTimeFormatter.BASIC_ISO_DATE;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                    Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
                header = r.readLine().split(",", -1);
                String line;
                while ((line = r.readLine()) != null) {
                    String[] c = line.split(",", -1);
                    if (!c[2].equals("AQI")) {
                        continue;
                    }
                    Instant start = LocalDate.parse(c[0], ymd).atStartOfDay().plusHours(Integer.parseInt(c[1]) - 1L)
                            .toInstant(BJ);
                    LocalDate day = start.atOffset(BJ).toLocalDate();
                    if (day.isBefore(first) || day.isAfter(last)) {
                        continue;
                    }
                    for (int s = 3; s < c.length; s++) {
                        if (!c[s].isEmpty()) {
                            official.computeIfAbsent(header[s], k -> new HashMap<>()).put(start, Integer.parseInt(c[s]));
                        }
                    }
                }
            }
            ObjectMapper json = new ObjectMapper();
            long both = 0;
            long agree = 0;
            long onlyOfficial = 0;
            long offByOne = 0;
            t0 = System.nanoTime();
            for (String station : List.of(header).subList(3, header.length)) {
                Map<Instant, Integer> off = official.getOrDefault(station, Map.of());
                for (LocalDate m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                    LocalDate end = m.plusMonths(1);
                    JsonNode v = json.readTree(p.get("/api/v1/aqi/hourly?site=" + station + "&from=" + m + "&to="
                            + end).body()).get("values");
                    for (JsonNode h : v) {
                        Instant start = java.time.OffsetDateTime.parse(h.get("time").asText()).toInstant();
                        Integer o = off.get(start);
                        if (o == null) {
                            continue;
                        }
                        if (h.get("aqi").isNull()) {
                            onlyOfficial++;
                            continue;
                        }
                        both++;
                        int ours = h.get("aqi").asInt();
                        agree += ours == o ? 1 : 0;
                        offByOne += Math.abs(ours - o) == 1 ? 1 : 0;
                    }
                }
            }
            long apiMs = (System.nanoTime() - t0) / 1_000_000;
            double share = (double) agree / (both + onlyOfficial);
            System.out.printf("[cnemc-agreement] Beijing %s … %s: official station-hours %d, both %d, agree %d (%.4f of"
                    + " all official), off by one %d, official only %d; import %d ms, API %d ms%n", first, last,
                    both + onlyOfficial, both, agree, share, offByOne, onlyOfficial, importMs, apiMs);
            assertThat(both).isGreaterThan(year ? 90_000 : 8_000);
            assertThat(share).isGreaterThanOrEqualTo(MIN_AGREEMENT);
        }
    }
}
