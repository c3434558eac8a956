package org.envmon.quality.qc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.ObservationRow;
import org.envmon.model.Statistic;
import org.junit.jupiter.api.Test;

/**
 * Runs real published series through QC with the shipped defaults and checks the outcomes are sensible. The figures
 * are printed (surefire output) so the defaults can be re-tuned. Skipped when the shared data is absent.
 */
class QcRealDataTest {
    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    /** CNEMC type row -> HJ 212 code. */
    private static final Map<String, String> AIR_CODES = Map.of(
            "PM2.5", "a34004", "PM10", "a34002", "SO2", "a21026", "NO2", "a21004", "O3", "a05024", "CO", "a21005");

    private static Path need(String relative) {
        return org.envmon.testkit.SharedData.require(relative);
    }

    private static final class Tally {
        final Map<QcCode, Integer> codes = new EnumMap<>(QcCode.class);
        int values;
        int invalid;

        void add(QcResult r) {
            for (int i = 0; i < r.size(); i++) {
                values++;
                if (!r.valid(i)) {
                    invalid++;
                }
                for (QcCode c : QcCode.fromMask(r.mask(i))) {
                    codes.merge(c, 1, Integer::sum);
                }
            }
        }

        int count(QcCode c) {
            return codes.getOrDefault(c, 0);
        }
    }

    @Test
    void cnemc2019HourlyAirThroughQc() throws IOException {
        String[] cities = {"beijing", "shijiazhuang", "chengdu", "haikou"};
        QualityControl qc = QualityControl.withDefaults();
        Tally all = new Tally();
        Map<String, Tally> byCode = new TreeMap<>();
        int pairs = 0;
        for (String city : cities) {
            Path f = need("air/cnemc-2019-cities/cnemc_2019_" + city + ".csv.gz");
            try (BufferedReader r = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(f)), StandardCharsets.UTF_8))) {
                String[] header = r.readLine().split(",", -1);
                String[] stations = java.util.Arrays.copyOfRange(header, 3, header.length);
                String hourKey = null;
                Map<String, String[]> hourRows = new LinkedHashMap<>();
                for (String line = r.readLine(); ; line = r.readLine()) {
                    String[] c = line == null ? null : line.split(",", -1);
                    String key = c == null ? null : c[0] + "," + c[1];
                    if (hourKey != null && !hourKey.equals(key)) {
                        pairs += emitHour(qc, hourKey, stations, hourRows, all, byCode);
                        hourRows.clear();
                    }
                    if (c == null) {
                        break;
                    }
                    hourKey = key;
                    if (AIR_CODES.containsKey(c[2])) {
                        hourRows.put(AIR_CODES.get(c[2]), c);
                    }
                }
            }
        }
        System.out.printf("QC real air (%s, 2019 hourly): %d values, %d invalid (%.3f%%), PM2.5/PM10 pairs %d%n",
                String.join("+", cities), all.values, all.invalid, 100.0 * all.invalid / all.values, pairs);
        System.out.println("  codes: " + all.codes);
        byCode.forEach((code, t) -> System.out.println("  " + code + ": " + t.values + " values, codes " + t.codes));
        int pm = all.count(QcCode.PM25_ABOVE_PM10) / 2;
        System.out.printf("  PM2.5 > PM10 hours: %d (%.2f%% of pairs)%n", pm, 100.0 * pm / pairs);

        assertThat(all.values).isGreaterThan(1_000_000);
        // the files are in time order and one value per hour: no order, duplicate or future codes
        assertThat(all.count(QcCode.OUT_OF_ORDER)).isZero();
        assertThat(all.count(QcCode.DUPLICATE_TIME)).isZero();
        assertThat(all.count(QcCode.FUTURE_TIME)).isZero();
        // published CNEMC values are non-negative
        assertThat(all.count(QcCode.NEGATIVE)).isZero();
        // PM2.5 > PM10 happens in real data (independent analysers), a few percent of hours, marked on both values
        assertThat(pm).isPositive();
        assertThat(100.0 * pm / pairs).isBetween(0.5, 10.0);
        // stuck-analyser runs and spikes exist but are rare; rejecting more than 1% of published data would be wrong
        assertThat(all.count(QcCode.CONSTANT)).isPositive();
        assertThat(all.count(QcCode.SPIKE)).isPositive();
        assertThat(all.invalid).isLessThan(all.values / 100);
    }

    /** One CNEMC hour: one packet per station with its six values. Returns the PM2.5/PM10 pairs seen. */
    private static int emitHour(QualityControl qc, String hourKey, String[] stations, Map<String, String[]> hourRows,
                                Tally all, Map<String, Tally> byCode) {
        String[] dh = hourKey.split(",");
        // the file labels an hour by its end; EnvMon stores the start
        Instant t = LocalDate.parse(dh[0], DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay()
                .plusHours(Integer.parseInt(dh[1]) - 1).toInstant(BEIJING);
        int pairs = 0;
        for (int s = 0; s < stations.length; s++) {
            List<ObservationRow> rows = new ArrayList<>(6);
            for (Map.Entry<String, String[]> e : hourRows.entrySet()) {
                String[] c = e.getValue();
                String cell = 3 + s < c.length ? c[3 + s] : "";
                if (!cell.isEmpty()) {
                    rows.add(new ObservationRow(stations[s], e.getKey(), Interval.HOUR, Statistic.VALUE, t,
                            Double.parseDouble(cell), null));
                }
            }
            if (rows.isEmpty()) {
                continue;
            }
            QcResult r = qc.check(Medium.AIR, rows, NOW);
            all.add(r);
            boolean p25 = false;
            boolean p10 = false;
            for (int i = 0; i < rows.size(); i++) {
                String code = rows.get(i).parameter();
                p25 |= code.equals("a34004");
                p10 |= code.equals("a34002");
                byCode.computeIfAbsent(code, k -> new Tally()).add(new QcResult(new long[] {r.mask(i)}));
            }
            if (p25 && p10) {
                pairs++;
            }
        }
        return pairs;
    }

    @Test
    void cnemcWaterStationsThroughQc() throws IOException {
        Path f = need("water/cnemc_water_auto_sections_2025-11_2026-02.csv");
        // CSV column (raw value) -> HJ 212 code
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("水温(℃)_原始值", "w01010");
        codes.put("pH(无量纲)_原始值", "w01001");
        codes.put("溶解氧(mg/L)_原始值", "w01009");
        codes.put("电导率(μS/cm)_原始值", "w01014");
        codes.put("浊度(NTU)_原始值", "w01003");
        codes.put("高锰酸盐指数(mg/L)_原始值", "w01019");
        codes.put("氨氮(mg/L)_原始值", "w21003");
        codes.put("总磷(mg/L)_原始值", "w21011");
        codes.put("总氮(mg/L)_原始值", "w21001");
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(",", -1));
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.put(header.get(i), i);
        }
        // time order per site, as a station would send it
        List<String[]> recs = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            recs.add(line.split(",", -1));
        }
        int timeCol = col.get("监测时间");
        recs.sort(java.util.Comparator.comparing((String[] c) -> c[timeCol]));
        QualityControl qc = QualityControl.withDefaults();
        Tally all = new Tally();
        Tally maintenance = new Tally();
        DateTimeFormatter fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        for (String[] c : recs) {
            String site = c[col.get("省份")] + "/" + c[col.get("流域")] + "/" + c[col.get("断面名称")];
            Instant t = LocalDateTime.parse(c[timeCol], fmt).toInstant(BEIJING);
            boolean maint = "维护".equals(c[col.get("站点情况")]);
            List<ObservationRow> rows = new ArrayList<>();
            for (Map.Entry<String, String> e : codes.entrySet()) {
                String cell = c[col.get(e.getKey())].trim();
                if (cell.isEmpty() || cell.equals("--") || cell.equals("*")) {
                    continue;
                }
                rows.add(new ObservationRow(site, e.getValue(), Interval.HOUR, Statistic.VALUE, t,
                        Double.parseDouble(cell), maint ? "M" : "N"));
            }
            QcResult r = qc.check(Medium.SURFACE_WATER, rows, NOW);
            all.add(r);
            if (maint) {
                maintenance.add(r);
            }
        }
        System.out.printf("QC real water (%d records): %d values, %d invalid, codes %s; maintenance records: %d values%n",
                recs.size(), all.values, all.invalid, all.codes, maintenance.values);
        assertThat(maintenance.values).isPositive();
        assertThat(maintenance.invalid).isEqualTo(maintenance.values);
        // the two DO readings above 25 mg/L (27.8, 29.6) are implausible
        assertThat(all.count(QcCode.ABOVE_RANGE)).isBetween(1, 10);
        assertThat(all.count(QcCode.NEGATIVE)).isZero();
        assertThat(all.count(QcCode.DUPLICATE_TIME)).isZero();
        assertThat(all.invalid - maintenance.values).isLessThan(all.values / 100);
    }
}
