package org.envmon.ingest.files;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.envmon.ingest.IngestSink;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.ObservationRow;
import org.envmon.model.PacketWrite;
import org.envmon.model.RawPacket;
import org.envmon.model.Site;
import org.envmon.model.SiteStore;
import org.envmon.model.Statistic;
import org.envmon.model.WriteOutcome;

/**
 * Imports the CNEMC national automatic surface-water station publication (国家地表水水质自动监测实时数据) as saved in
 * CSV: one row per section and monitoring time with {@code 省份, 流域, 所在地市, 所属河流, 断面名称, 监测时间, 水质类别}, per
 * parameter a displayed value and its raw value {@code <parameter>_原始值}, {@code 站点情况}, and optionally
 * {@code lat, lon} (plain or gzip). Each section is registered as a surface-water site ({@link CnemcWaterSection}:
 * synthetic code, water body from {@code 所属河流}); each row becomes one raw record (the header and that row, kept as
 * evidence) and its values, written through the same {@link IngestSink} as the gateway and the CNEMC air files.
 * Re-importing a row stores nothing twice (the dedup key is the section, the time and the stored cells).
 *
 * <p>Values: the raw value where the file has the {@code _原始值} column (the displayed one is rounded, sometimes to
 * a detection-limit convention), else the displayed one (a layout without raw values); {@code --} (no data),
 * {@code *} (not measured there) and empty cells are missing, never zero. A displayed value whose raw cell is empty
 * is not stored (counted). Stored at {@code 监测时间} (Beijing time) as hourly values under the HJ 212-2017 codes in
 * the units of the parameter catalogue: chlorophyll a is published in mg/L and stored in µg/L (w01016); algal
 * density has no catalogue code and stays in the raw record, as does the published class. {@code 站点情况} becomes
 * the values' instrument flag: 正常 N, 维护 M (maintenance: QC marks the values invalid), 不具备运行条件 F (stopped).
 */
public final class CnemcWaterImporter {
    /** A published parameter: its column, HJ 212-2017 code and the factor to the catalogue's unit. */
    record Parameter(String column, String code, double factor) {
    }

    static final List<Parameter> PARAMETERS = List.of(
            new Parameter("水温(℃)", "w01010", 1), new Parameter("pH(无量纲)", "w01001", 1),
            new Parameter("溶解氧(mg/L)", "w01009", 1), new Parameter("电导率(μS/cm)", "w01014", 1),
            new Parameter("浊度(NTU)", "w01003", 1), new Parameter("高锰酸盐指数(mg/L)", "w01019", 1),
            new Parameter("氨氮(mg/L)", "w21003", 1), new Parameter("总磷(mg/L)", "w21011", 1),
            new Parameter("总氮(mg/L)", "w21001", 1), new Parameter("叶绿素α(mg/L)", "w01016", 1000));
    static final String RAW = "_原始值";
    private static final Map<String, String> FLAGS = Map.of("正常", "N", "维护", "M", "不具备运行条件", "F");
    private static final int MAX_IN_FLIGHT = 2_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final IngestSink sink;
    private final SiteStore sites;
    private final Clock clock;

    public CnemcWaterImporter(IngestSink sink, SiteStore sites, Clock clock) {
        this.sink = sink;
        this.sites = sites;
        this.clock = clock;
    }

    public void importFile(Path file, ImportReport report) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            InputStream in = CnemcHourlyImporter.isGzip(raw) ? new GZIPInputStream(raw, 1 << 16) : raw;
            importStream(new InputStreamReader(in, StandardCharsets.UTF_8), file.getFileName().toString(), report);
        }
    }

    /** One row read: where it is, its section, time, flag and values. */
    private record Row(long line, String text, String code, Instant time, List<ObservationRow> values,
            String valueCells) {
    }

    public void importStream(Reader reader, String fileName, ImportReport report) throws IOException {
        List<Row> rows = new ArrayList<>();
        Map<String, CnemcWaterSection> sections = new LinkedHashMap<>();
        String headerLine;
        try (CSVParser parser = CSVParser.parse(reader, CSVFormat.DEFAULT.builder().setTrim(true).get())) {
            var it = parser.iterator();
            if (!it.hasNext()) {
                report.problem(new ImportProblem(fileName, 1, 0, null, "empty file (file skipped)", "empty file"));
                return;
            }
            Columns columns = new Columns(it.next());
            if (!columns.complete()) {
                report.problem(new ImportProblem(fileName, 1, 0, null,
                        "not the CNEMC water layout (file skipped)",
                        "not the CNEMC water layout: the header needs 省份, 断面名称 and 监测时间"));
                return;
            }
            headerLine = columns.line;
            while (it.hasNext()) {
                CSVRecord r = it.next();
                report.rowRead();
                Row row = read(r, columns, fileName, report, sections);
                if (row != null) {
                    rows.add(row);
                }
            }
        }
        register(sections, fileName, report);
        List<CompletableFuture<Void>> inFlight = new ArrayList<>();
        try {
            for (Row row : rows) {
                inFlight.add(submit(row, headerLine, fileName, report));
                // a row is a small packet: let a whole group commit (the writers' batch) fill before waiting
                if (inFlight.size() >= MAX_IN_FLIGHT) {
                    CnemcHourlyImporter.drainIfNeeded(inFlight, true);
                }
            }
        } finally {
            CnemcHourlyImporter.drainIfNeeded(inFlight, true);
        }
    }

    private Row read(CSVRecord r, Columns c, String fileName, ImportReport report,
            Map<String, CnemcWaterSection> sections) {
        long line = r.getRecordNumber();
        if (r.size() != c.size) {
            report.problem(new ImportProblem(fileName, line, 0, null, "wrong number of cells (row skipped)",
                    "expected " + c.size + " cells, found " + r.size()));
            return null;
        }
        String province = r.get(c.province);
        String name = r.get(c.section);
        if (province.isEmpty() || name.isEmpty()) {
            int col = province.isEmpty() ? c.province : c.section;
            report.problem(new ImportProblem(fileName, line, col + 1, c.names.get(col),
                    "no province or section name (row skipped)", "empty " + c.names.get(col)));
            return null;
        }
        Instant time;
        try {
            time = LocalDateTime.parse(r.get(c.time), TIME).toInstant(org.envmon.model.BeijingTime.OFFSET);
        } catch (DateTimeParseException e) {
            report.problem(new ImportProblem(fileName, line, c.time + 1, "监测时间", "bad 监测时间 (row skipped)",
                    "bad 监测时间 (yyyy-MM-dd HH:mm): '" + r.get(c.time) + "'"));
            return null;
        }
        Double[] at = coordinates(r, c, line, fileName, report);
        CnemcWaterSection section = CnemcWaterSection.of(province, name, c.cell(r, c.basin), c.cell(r, c.city),
                c.cell(r, c.river), at[0], at[1]);
        sections.merge(section.code(), section, CnemcWaterSection::merge);
        String status = c.cell(r, c.status);
        String flag = FLAGS.get(status);
        if (flag == null && !status.isEmpty()) {
            report.problem(new ImportProblem(fileName, line, c.status + 1, "站点情况",
                    "unknown 站点情况 (values stored without a flag)", "unknown 站点情况: '" + status + "'"));
        }
        List<ObservationRow> values = new ArrayList<>();
        StringBuilder cells = new StringBuilder();
        for (int p = 0; p < PARAMETERS.size(); p++) {
            int col = c.value[p];
            if (col < 0) {
                continue;
            }
            String cell = r.get(col);
            cells.append(cell).append(',');
            Double v = value(cell, PARAMETERS.get(p), c.shown[p] < 0 ? "" : r.get(c.shown[p]), line, col,
                    c.names.get(col), fileName, report);
            if (v != null) {
                values.add(new ObservationRow(section.code(), PARAMETERS.get(p).code(), Interval.HOUR,
                        Statistic.VALUE, time, v, flag));
            }
        }
        return new Row(line, String.join(",", r), section.code(), time, values, cells + status);
    }

    /** The stored value of a cell, or null (missing, or a problem reported). */
    private static Double value(String cell, Parameter p, String shown, long line, int col, String column,
            String fileName, ImportReport report) {
        if (cell.isEmpty() || cell.equals("--") || cell.equals("*")) {
            if (cell.isEmpty() && isNumber(shown)) {
                report.problem(new ImportProblem(fileName, line, col + 1, column,
                        "displayed value without raw value (value skipped)",
                        "raw value empty, displayed '" + shown + "' (rounded) not stored"));
            }
            return null;
        }
        double v;
        try {
            v = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            report.problem(new ImportProblem(fileName, line, col + 1, column, "value not a number (value skipped)",
                    "not a number: '" + cell + "'"));
            return null;
        }
        if (!Double.isFinite(v) || (v < 0 && !p.code().equals("w01010"))) {
            report.problem(new ImportProblem(fileName, line, col + 1, column,
                    "negative or non-finite value (value skipped)", "negative or non-finite value: " + cell));
            return null;
        }
        return p.factor() == 1 ? v : java.math.BigDecimal.valueOf(v).multiply(java.math.BigDecimal.valueOf(p.factor()))
                .doubleValue();
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Double[] coordinates(CSVRecord r, Columns c, long line, String fileName, ImportReport report) {
        String lat = c.cell(r, c.lat);
        String lon = c.cell(r, c.lon);
        if (lat.isEmpty() && lon.isEmpty()) {
            return new Double[2];
        }
        try {
            double la = Double.parseDouble(lat);
            double lo = Double.parseDouble(lon);
            if (la >= -90 && la <= 90 && lo >= -180 && lo <= 180) {
                return new Double[] {la, lo};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        report.problem(new ImportProblem(fileName, line, c.lat + 1, "lat",
                "bad coordinates (coordinates ignored)", "bad lat/lon: '" + lat + "', '" + lon + "'"));
        return new Double[2];
    }

    /** New sections registered; known ones get the attributes they lack (their own are kept). */
    private void register(Map<String, CnemcWaterSection> sections, String fileName, ImportReport report) {
        List<Site> changed = new ArrayList<>();
        int created = 0;
        for (CnemcWaterSection s : sections.values()) {
            Site known = sites.byCode(s.code()).orElse(null);
            if (known == null) {
                changed.add(s.site());
                created++;
            } else if (known.medium() != Medium.SURFACE_WATER) {
                report.problem(new ImportProblem(fileName, 1, 0, s.code(),
                        "code in use by a site of another medium (its values stored under it all the same)",
                        "site " + s.code() + " (" + s.name() + ") is registered as " + known.medium().code()));
            } else if (!s.fill(known).equals(known)) {
                changed.add(s.fill(known));
            }
        }
        if (!changed.isEmpty()) {
            sites.upsert(changed);
        }
        report.sitesCreated(created);
    }

    private CompletableFuture<Void> submit(Row row, String headerLine, String fileName, ImportReport report) {
        byte[] bytes = (headerLine + "\n" + row.text() + "\n").getBytes(StandardCharsets.UTF_8);
        String what = row.code() + ":" + row.time().getEpochSecond() + ":" + row.valueCells();
        RawPacket raw = new RawPacket(bytes, "file:" + fileName, clock.instant(), "import:cnemc-water", null, null,
                null, "cnemc-water:" + CnemcHourlyImporter.sha256(what.getBytes(StandardCharsets.UTF_8)), true);
        return sink.submit(new PacketWrite(raw, row.values())).handle((outcome, error) -> {
            if (error != null) {
                report.problem(new ImportProblem(fileName, row.line(), 0, null, "row not stored (row skipped)",
                        "not stored: " + CnemcHourlyImporter.rootMessage(error)));
            } else {
                report.timeSeen(row.time());
                if (outcome.status() == WriteOutcome.Status.DUPLICATE) {
                    report.duplicate();
                } else {
                    report.rowImported();
                    report.valuesStored(row.values().size());
                }
            }
            return null;
        });
    }

    /** Where the columns are (-1 = absent). */
    private static final class Columns {
        final List<String> names;
        final String line;
        final int size;
        final int province;
        final int section;
        final int time;
        final int basin;
        final int city;
        final int river;
        final int status;
        final int lat;
        final int lon;
        final int[] value = new int[PARAMETERS.size()];
        final int[] shown = new int[PARAMETERS.size()];

        Columns(CSVRecord header) {
            List<String> n = new ArrayList<>();
            header.forEach(h -> n.add(h.replace("\uFEFF", "")));
            names = n;
            line = String.join(",", n);
            size = n.size();
            province = n.indexOf("省份");
            section = n.indexOf("断面名称");
            time = n.indexOf("监测时间");
            basin = n.indexOf("流域");
            city = n.indexOf("所在地市");
            river = n.indexOf("所属河流");
            status = n.indexOf("站点情况");
            lat = n.indexOf("lat");
            lon = n.indexOf("lon");
            for (int p = 0; p < PARAMETERS.size(); p++) {
                String column = PARAMETERS.get(p).column();
                int raw = n.indexOf(column + RAW);
                shown[p] = raw < 0 ? -1 : n.indexOf(column);
                value[p] = raw >= 0 ? raw : n.indexOf(column);
            }
        }

        boolean complete() {
            return province >= 0 && section >= 0 && time >= 0;
        }

        String cell(CSVRecord r, int column) {
            return column < 0 ? "" : r.get(column);
        }
    }
}
