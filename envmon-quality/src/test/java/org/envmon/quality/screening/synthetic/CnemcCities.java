package org.envmon.quality.screening.synthetic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.envmon.quality.screening.HourlySeries;
import org.envmon.model.Medium;
import org.envmon.model.Site;

/** Test-side reader of the 2019 CNEMC city files (wide layout) and the station list, one parameter at a time. */
final class CnemcCities {

    static final LocalDate FIRST_DAY = LocalDate.of(2019, 1, 1);
    static final int HOURS = 365 * 24;
    /** Hour label 0 of 2019-01-01 is the mean of 2018-12-31 23:00..24:00 Beijing time: index 0 starts there. */
    static final Instant START = Instant.parse("2018-12-31T15:00:00Z");

    private final Path dataDir;
    private final Map<String, double[]> coordinates = new HashMap<>();

    private CnemcCities(Path dataDir) throws IOException {
        this.dataDir = dataDir;
        Path list = dataDir.resolve("air/stations/cnemc_station_list_2022.csv");
        java.util.List<String> lines = Files.readAllLines(list, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            try {
                coordinates.put(f[0], new double[] {Double.parseDouble(f[4]), Double.parseDouble(f[3])});
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                // missing or '-' coordinates: the site is placed by city only
            }
        }
    }

    /** The shared data directory ({@code ../shared/data}); skips the test without it, fails where it is required. */
    static Path dataDir() {
        return org.envmon.testkit.SharedData.require("air/cnemc-2019-cities").getParent().getParent();
    }

    static CnemcCities open(Path dataDir) throws IOException {
        return new CnemcCities(dataDir);
    }

    /** Site -> hourly series of {@code type} (e.g. "PM2.5") for one city; stations without any value are left out. */
    Map<Site, HourlySeries> city(String city, String type) throws IOException {
        Path file = dataDir.resolve("air/cnemc-2019-cities/cnemc_2019_" + city + ".csv.gz");
        String[] codes;
        double[][] values;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            String header = r.readLine();
            String[] h = header.split(",", -1);
            codes = Arrays.copyOfRange(h, 3, h.length);
            values = new double[codes.length][HOURS];
            for (double[] v : values) {
                Arrays.fill(v, Double.NaN);
            }
            String line;
            String key = "," + type + ",";
            while ((line = r.readLine()) != null) {
                int c1 = line.indexOf(',');
                int c2 = line.indexOf(',', c1 + 1);
                if (!line.regionMatches(c2, key, 0, key.length())) {
                    continue;
                }
                LocalDate date = LocalDate.of(Integer.parseInt(line.substring(0, 4)),
                        Integer.parseInt(line.substring(4, 6)), Integer.parseInt(line.substring(6, 8)));
                int hour = Integer.parseInt(line.substring(c1 + 1, c2));
                int idx = (int) ChronoUnit.DAYS.between(FIRST_DAY, date) * 24 + hour;
                if (idx < 0 || idx >= HOURS) {
                    continue;
                }
                String[] f = line.split(",", -1);
                for (int j = 0; j < codes.length && j + 3 < f.length; j++) {
                    if (!f[j + 3].isEmpty()) {
                        values[j][idx] = Double.parseDouble(f[j + 3]);
                    }
                }
            }
        }
        Map<Site, HourlySeries> out = new LinkedHashMap<>();
        for (int j = 0; j < codes.length; j++) {
            HourlySeries s = new HourlySeries(codes[j], type, START, values[j]);
            if (s.validCount() == 0) {
                continue;
            }
            double[] ll = coordinates.get(codes[j]);
            Site site = new Site(codes[j], codes[j], Medium.AIR, null, null, null, city, null, null,
                    ll == null ? null : ll[0], ll == null ? null : ll[1], false);
            out.put(site, s);
        }
        return out;
    }
}
