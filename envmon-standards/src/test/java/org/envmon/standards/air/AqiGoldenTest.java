package org.envmon.standards.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.envmon.testkit.CnemcSlices;
import org.envmon.testkit.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Golden test: our 2012 real-time AQI (six 1-h values, PM on the 24-h rows) against the official hourly AQI that
 * CNEMC published for 2019 (data: /work/shared/data/air/README.md §2).
 *
 * <p>Default: two cities (Beijing, Haikou), a few seconds. {@code -Denvmon.golden.cities=all} runs all 22 and
 * prints the disagreement categories (figures: {@link #MIN_AGREEMENT}).
 */
class AqiGoldenTest {

    /**
     * Agreement measured on Beijing + Haikou 2019 (137,287 station-hours with an official AQI): 99.693 %. The test
     * fails if it drops below this minus a hair. All 22 cities (measured once): 1,744,440 of 1,745,133 = 99.960 %.
     *
     * <p>Disagreements (all 22 cities): 395 hours where the official AQI was rounded to the nearest integer
     * instead of carried up (Beijing, 2019-09-30 evening to 2019-10-08, the same hours in which CNEMC's 24-h
     * moving-mean columns are empty: a different publication path); 190 hours with an official AQI but no 1-h
     * value published; 108 hours with some 1-h values unpublished where the official AQI is higher (computed from
     * the unpublished value). No hour with all six inputs present disagrees otherwise, and none is explained by
     * "Reading B" (PM 24-h / O3 8-h moving means), which confirms the project's choice of Reading A.
     */
    static final double MIN_AGREEMENT = 0.9968;
    /**
     * The same station-hours scored with the 2012 city rule (concentration and IAQI half up), measured: Beijing +
     * Haikou 117,084 of 137,287 = 85.28 %; all 22 cities 1,486,218 of 1,745,133 = 85.16 %. The station publication
     * carries up (99.69 %, 99.96 %); the test fails if half up fit nearly as well.
     */
    static final double MAX_AGREEMENT_HALF_UP = 0.95;

    /** Counts per category. */
    static final class Tally {
        long compared;
        long agree;
        /** Hours the city rule (half up, {@link AqiRounding}) would give the official station AQI. */
        long agreeHalfUp;
        final Map<String, Long> categories = new TreeMap<>();
        final Map<String, String> examples = new HashMap<>();

        void disagree(String category, String example) {
            categories.merge(category, 1L, Long::sum);
            examples.putIfAbsent(category, example);
        }
    }

    @Test
    void hourlyAqi2012AgreesWithCnemc2019() throws IOException {
        Path dir = SharedData.require("air/cnemc-2019-cities");
        String sel = System.getProperty("envmon.golden.cities", "beijing,haikou");
        List<Path> files = new ArrayList<>();
        try (var s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".csv.gz"))
                    .filter(p -> sel.equals("all") || List.of(sel.split(",")).stream()
                            .anyMatch(c -> p.getFileName().toString().equals("cnemc_2019_" + c + ".csv.gz")))
                    .sorted().forEach(files::add);
        }
        assumeTrue(!files.isEmpty(), "no matching city files in " + dir);
        Tally t = new Tally();
        for (Path f : files) {
            run(f, t);
        }
        double rate = (double) t.agree / t.compared;
        System.out.printf("[golden] cities=%s station-hours compared=%d agree=%d rate=%.5f%n", sel, t.compared,
                t.agree, rate);
        t.categories.forEach((k, v) -> System.out.printf("[golden]   %-60s %7d  e.g. %s%n", k, v, t.examples.get(k)));
        assertThat(rate).isGreaterThanOrEqualTo(MIN_AGREEMENT);
        // the station AQI of the same publication is carried up: the city's half-up rule fits it far worse
        double halfUp = (double) t.agreeHalfUp / t.compared;
        System.out.printf("[golden] the same station-hours scored with the 2012 city rule (half up): agree=%d "
                + "rate=%.5f%n", t.agreeHalfUp, halfUp);
        assertThat(halfUp).isLessThan(MAX_AGREEMENT_HALF_UP);
    }

    /**
     * The same comparison on the weeks shipped with the tests (Beijing winter and summer, Haikou winter), on every
     * clone: every station-hour compared agrees.
     */
    @Test
    void hourlyAqi2012AgreesWithCnemcOnTheShippedWeeks() throws IOException {
        Tally t = new Tally();
        for (Path f : CnemcSlices.all()) {
            run(f, t);
        }
        t.categories.forEach((k, v) -> System.out.printf("[golden-slice]   %-60s %7d  e.g. %s%n", k, v, t.examples.get(k)));
        assertThat(t.compared).isGreaterThan(4_000);
        assertThat(t.agree).isEqualTo(t.compared);
    }

    private static final List<String> TYPES = List.of("AQI", "PM2.5", "PM2.5_24h", "PM10", "PM10_24h", "SO2",
            "SO2_24h", "NO2", "O3", "O3_8h", "CO");

    static void run(Path file, Tally t) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
            String[] header = r.readLine().split(",", -1);
            String key = null;
            Map<String, String[]> block = new HashMap<>();
            String line;
            while ((line = r.readLine()) != null) {
                String[] c = line.split(",", -1);
                String k = c[0] + " " + c[1];
                if (!k.equals(key)) {
                    if (key != null) {
                        block(file, key, header, block, t);
                    }
                    key = k;
                    block.clear();
                }
                if (TYPES.contains(c[2])) {
                    block.put(c[2], c);
                }
            }
            if (key != null) {
                block(file, key, header, block, t);
            }
        }
    }

    static BigDecimal cell(Map<String, String[]> b, String type, int col) {
        String[] row = b.get(type);
        if (row == null || col >= row.length || row[col].isEmpty()) {
            return null;
        }
        return new BigDecimal(row[col]);
    }

    static void block(Path file, String key, String[] header, Map<String, String[]> b, Tally t) {
        for (int col = 3; col < header.length; col++) {
            BigDecimal official = cell(b, "AQI", col);
            if (official == null) {
                continue;
            }
            BigDecimal so2 = cell(b, "SO2", col);
            BigDecimal no2 = cell(b, "NO2", col);
            BigDecimal pm10 = cell(b, "PM10", col);
            BigDecimal pm25 = cell(b, "PM2.5", col);
            BigDecimal co = cell(b, "CO", col);
            BigDecimal o3 = cell(b, "O3", col);
            AqiResult ours = AirQualityIndex.hourly(AirEdition.E2012, new AirQualityIndex.HourlyInput(
                    so2, no2, pm10, pm25, co, o3, null, cell(b, "SO2_24h", col)));
            t.compared++;
            int off = official.intValueExact();
            int mine = ours.aqi().orElse(-1);
            if (AirQualityIndex.hourly(AirEdition.E2012, AqiScope.CITY, new AirQualityIndex.HourlyInput(so2, no2,
                    pm10, pm25, co, o3, null, cell(b, "SO2_24h", col))).aqi().orElse(-1) == off) {
                t.agreeHalfUp++;
            }
            if (mine == off) {
                t.agree++;
                continue;
            }
            String ex = file.getFileName() + " " + key + " " + header[col] + " official=" + off + " ours=" + mine;
            int missing = ours.missing().size();
            // Reading B: also the PM 24-h moving means and the O3 8-h moving mean (HJ 633-2012 §5.1.3 literal)
            int readingB = mine;
            BigDecimal pm1024 = cell(b, "PM10_24h", col);
            BigDecimal pm2524 = cell(b, "PM2.5_24h", col);
            BigDecimal o38 = cell(b, "O3_8h", col);
            if (pm1024 != null) {
                readingB = Math.max(readingB, AirQualityIndex.iaqi(AirEdition.E2012, AqiIndicator.PM10_24H, pm1024));
            }
            if (pm2524 != null) {
                readingB = Math.max(readingB, AirQualityIndex.iaqi(AirEdition.E2012, AqiIndicator.PM25_24H, pm2524));
            }
            if (o38 != null && o38.compareTo(BigDecimal.valueOf(800)) <= 0) {
                readingB = Math.max(readingB, AirQualityIndex.iaqi(AirEdition.E2012, AqiIndicator.O3_8H, o38));
            }
            BigDecimal rawMax = null;
            for (SubIndex sub : ours.subIndices().values()) {
                if (sub.inAqi() && (rawMax == null || sub.raw().compareTo(rawMax) > 0)) {
                    rawMax = sub.raw();
                }
            }
            boolean nearest = rawMax != null
                    && rawMax.setScale(0, java.math.RoundingMode.HALF_UP).intValueExact() == off;
            String cat;
            if (nearest) {
                cat = "e. official rounded to nearest, not carried up";
            } else if (mine < 0) {
                cat = "a. no 1-h value published, official AQI present";
            } else if (missing > 0 && off > mine) {
                cat = "b. some 1-h values missing, official higher (computed from unpublished data)";
            } else if (missing > 0) {
                cat = "c. some 1-h values missing, official lower";
            } else if (readingB == off) {
                cat = "d. official = 'Reading B' (PM 24-h / O3 8-h moving means included)";
            } else if (off > mine) {
                cat = "f. official higher, all inputs present (values revised after publication?)";
            } else {
                cat = "g. official lower, all inputs present (values revised after publication?)";
            }
            t.disagree(cat, ex);
        }
    }
}
