package org.envmon.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.envmon.standards.air.FastAqi;
import org.envmon.testkit.SharedData;

/**
 * One city file of the CNEMC 2019 publication (../shared/data/air/README.md §2; wide layout
 * {@code date,hour,type,<station codes>}, label h = the hour ending at h, i.e. stored at start h−1, so label 0 of day
 * D+1 is the last hour of day D): the stations' 1-h values as series builders and chosen official rows as arrays.
 * Shared by the real-data tests of this module.
 */
final class CnemcCityFile {

    static final String DIR = "shared/data/air/cnemc-2019-cities";
    static final String STATION_LIST = "shared/data/air/stations/cnemc_station_list_2022.csv";
    static final Map<String, Integer> INPUT = Map.of("SO2", AirPollutants.SO2, "NO2", AirPollutants.NO2, "PM10",
            AirPollutants.PM10, "PM2.5", AirPollutants.PM25, "CO", AirPollutants.CO, "O3", AirPollutants.O3);

    /** File key, e.g. {@code beijing}. */
    final String city;
    final String[] stations;
    /** Control sites (对照点) per the station list; false when the list or the code is absent. */
    final boolean[] control;
    final StationHourSeries.Builder[] builders;
    /** official[type][station][hour index] in milli (AQI as integer × 1000), −1 missing. */
    final long[][][] official;

    private CnemcCityFile(String city, String[] stations, boolean[] control, StationHourSeries.Builder[] builders,
            long[][][] official) {
        this.city = city;
        this.stations = stations;
        this.control = control;
        this.builders = builders;
        this.official = official;
    }

    /** {@code ../shared/data/...} for {@code rel} = {@code shared/data/...}; null if absent. */
    static Path shared(String rel) {
        return SharedData.find(rel.substring("shared/data/".length())).orElse(null);
    }

    /** The file of one city ({@code beijing}); skips the test without it (fails where the shared data is required). */
    static Path file(String city) {
        return SharedData.require(DIR.substring("shared/data/".length()) + "/cnemc_2019_" + city + ".csv.gz");
    }

    /** The city files selected by {@code all} or a comma list of keys (missing ones are left out), sorted. */
    static List<Path> files(String selection) throws IOException {
        List<Path> out = new ArrayList<>();
        Path dir = SharedData.require(DIR.substring("shared/data/".length()));
        List<String> keys = List.of(selection.split(","));
        try (var s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".csv.gz"))
                    .filter(p -> selection.equals("all") || keys.contains(key(p)))
                    .sorted().forEach(out::add);
        }
        return out;
    }

    static String key(Path file) {
        String n = file.getFileName().toString();
        return n.substring("cnemc_2019_".length(), n.length() - ".csv.gz".length());
    }

    /** Station code → control flag (column 对照点 = Y) from the national station list; empty if absent. */
    static Map<String, Boolean> controlFlags() throws IOException {
        Map<String, Boolean> m = new HashMap<>();
        Path p = shared(STATION_LIST);
        if (p == null) {
            return m;
        }
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            if (c.length > 5) {
                m.put(c[0], c[5].equals("Y"));
            }
        }
        return m;
    }

    /** Reads a city file onto {@code grid}: the six 1-h rows into builders, {@code officialTypes} rows into arrays. */
    static CnemcCityFile load(Path f, HourGrid grid, List<String> officialTypes, Map<String, Boolean> controlFlags)
            throws IOException {
        DateTimeFormatter ymd = DateTimeFormatter.BASIC_ISO_DATE;
        String city = key(f);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(f), 1 << 16), StandardCharsets.UTF_8))) {
            String[] header = r.readLine().split(",", -1);
            String[] stations = Arrays.copyOfRange(header, 3, header.length);
            boolean[] control = new boolean[stations.length];
            StationHourSeries.Builder[] builders = new StationHourSeries.Builder[stations.length];
            long[][][] official = new long[officialTypes.size()][stations.length][grid.hours()];
            for (int s = 0; s < stations.length; s++) {
                control[s] = controlFlags.getOrDefault(stations[s], false);
                builders[s] = StationHourSeries.builder(stations[s], city, control[s], grid);
                for (long[][] o : official) {
                    Arrays.fill(o[s], -1);
                }
            }
            String line;
            String lastDate = null;
            int dayIdx = 0;
            while ((line = r.readLine()) != null) {
                String[] c = line.split(",", -1);
                if (!c[0].equals(lastDate)) {
                    lastDate = c[0];
                    dayIdx = grid.dayIndex(LocalDate.parse(c[0], ymd));
                }
                int i = dayIdx * 24 + Integer.parseInt(c[1]) - 1; // label h = the hour starting at h-1
                Integer p = INPUT.get(c[2]);
                int o = officialTypes.indexOf(c[2]);
                if ((p == null && o < 0) || dayIdx < 0 || i < 0) {
                    continue;
                }
                for (int s = 0; s < stations.length && s + 3 < c.length; s++) {
                    String cell = c[s + 3];
                    if (cell.isEmpty()) {
                        continue;
                    }
                    long m = FastAqi.toMilli(new BigDecimal(cell));
                    if (p != null) {
                        builders[s].put(p, i, m);
                    }
                    if (o >= 0) {
                        official[o][s][i] = m;
                    }
                }
            }
            return new CnemcCityFile(city, stations, control, builders, official);
        }
    }
}
