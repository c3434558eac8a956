package org.envmon.ingest.files;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
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
 * Imports CNEMC hourly station files in the national wide layout ({@code date,hour,type,<station codes>}, plain or
 * gzip): one row per pollutant type and hour, one column per station. Each hour of a file becomes one raw record
 * (header plus that hour's rows, kept as evidence) and its observations, written through the same
 * {@link IngestSink} as the gateway. Re-importing the same file stores nothing twice (the record's dedup key is a
 * digest of its content).
 *
 * <p>Only the six measured 1-hour concentrations are stored; CNEMC's own derived rows (AQI, *_24h, O3_8h) stay in the
 * raw record. Time: the file labels an hour by its end (hour h = mean of h-1:00..h:00, Beijing time); EnvMon stores
 * the start of the averaging interval, as HJ 212 DataTime does.
 */
public final class CnemcHourlyImporter {
    /** CNEMC row type to HJ 212-2017 parameter code (HJ 212-2017 Annex B). CO is in mg/m3, the others in µg/m3. */
    static final Map<String, String> HOURLY_TYPES = Map.of(
            "PM2.5", "a34004", "PM10", "a34002", "SO2", "a21026", "NO2", "a21004", "O3", "a05024", "CO", "a21005");
    private static final ZoneOffset BEIJING = org.envmon.model.BeijingTime.OFFSET;
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int MAX_IN_FLIGHT = 256;

    private final IngestSink sink;
    private final SiteStore sites;
    private final Function<String, Site> stationList;
    private final Clock clock;

    /**
     * @param stationList the national station list by code, used to register stations seen for the first time
     *                    (null result = not in the list: registered with its code as name and reported)
     */
    public CnemcHourlyImporter(IngestSink sink, SiteStore sites, Function<String, Site> stationList, Clock clock) {
        this.sink = sink;
        this.sites = sites;
        this.stationList = stationList;
        this.clock = clock;
    }

    public void importFile(Path file, ImportReport report) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            InputStream in = isGzip(raw) ? new GZIPInputStream(raw, 1 << 16) : raw;
            importStream(new InputStreamReader(in, StandardCharsets.UTF_8), file.getFileName().toString(), report);
        }
    }

    public void importStream(Reader reader, String fileName, ImportReport report) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setTrim(true).get();
        List<CompletableFuture<Void>> inFlight = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            var it = parser.iterator();
            if (!it.hasNext()) {
                report.problem(new ImportProblem(fileName, 1, 0, null, "empty file (file skipped)", "empty file"));
                return;
            }
            CSVRecord header = it.next();
            if (header.size() < 4 || !header.get(0).replace("\uFEFF", "").equals("date")
                    || !header.get(1).equals("hour") || !header.get(2).equals("type")) {
                report.problem(new ImportProblem(fileName, 1, 0, null, "not the CNEMC layout (file skipped)",
                        "not the CNEMC wide layout: header must start with date,hour,type"));
                return;
            }
            List<String> codes = new ArrayList<>();
            for (int i = 3; i < header.size(); i++) {
                codes.add(header.get(i));
            }
            registerStations(codes, fileName, report);
            String headerLine = String.join(",", header);

            HourGroup group = null;
            while (it.hasNext()) {
                CSVRecord r = it.next();
                report.rowRead();
                long line = r.getRecordNumber();
                if (r.size() != header.size()) {
                    report.problem(new ImportProblem(fileName, line, 0, null, "wrong number of cells (row skipped)",
                            "expected " + header.size() + " cells, found " + r.size()));
                    continue;
                }
                String key = r.get(0) + "/" + r.get(1);
                if (group == null || !group.key.equals(key)) {
                    if (group != null) {
                        inFlight.add(submit(group, headerLine, codes, fileName, report));
                        drainIfNeeded(inFlight, false);
                    }
                    Instant start = intervalStart(r.get(0), r.get(1));
                    if (start == null) {
                        boolean badHour = r.get(0).length() == 8;
                        report.problem(new ImportProblem(fileName, line, badHour ? 2 : 1, badHour ? "hour" : "date",
                                "bad date or hour (row skipped)", "bad date or hour: " + r.get(0) + " " + r.get(1)));
                        group = null;
                        continue;
                    }
                    group = new HourGroup(key, start);
                }
                group.rows.add(r);
                group.lines.add(line);
            }
            if (group != null) {
                inFlight.add(submit(group, headerLine, codes, fileName, report));
            }
        } finally {
            drainIfNeeded(inFlight, true);
        }
    }

    private void registerStations(List<String> codes, String fileName, ImportReport report) {
        List<Site> created = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (sites.byCode(code).isPresent()) {
                continue;
            }
            Site listed = stationList.apply(code);
            if (listed == null) {
                report.problem(new ImportProblem(fileName, 1, i + 4, code,
                        "station not in the station list (registered with its code as name)",
                        "station " + code + " is not in the station list; registered with its code as name"));
                listed = new Site(code, code, Medium.AIR, null, null, null, null, null, null, null, null, false);
            }
            created.add(listed);
        }
        if (!created.isEmpty()) {
            sites.upsert(created);
            report.sitesCreated(created.size());
        }
    }

    private CompletableFuture<Void> submit(HourGroup g, String headerLine, List<String> codes, String fileName,
                                           ImportReport report) {
        List<ObservationRow> values = new ArrayList<>();
        StringBuilder text = new StringBuilder(headerLine).append('\n');
        for (int i = 0; i < g.rows.size(); i++) {
            CSVRecord r = g.rows.get(i);
            text.append(String.join(",", r)).append('\n');
            String parameter = HOURLY_TYPES.get(r.get(2));
            if (parameter == null) {
                continue;
            }
            for (int c = 3; c < r.size(); c++) {
                String cell = r.get(c);
                if (cell.isEmpty()) {
                    continue;
                }
                double v;
                try {
                    v = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    report.problem(new ImportProblem(fileName, g.lines.get(i), c + 1, codes.get(c - 3),
                            "value not a number (value skipped)", "not a number: '" + cell + "'"));
                    continue;
                }
                if (!Double.isFinite(v) || v < 0) {
                    report.problem(new ImportProblem(fileName, g.lines.get(i), c + 1, codes.get(c - 3),
                            "negative or non-finite value (value skipped)",
                            "negative or non-finite concentration: " + cell));
                    continue;
                }
                values.add(new ObservationRow(codes.get(c - 3), parameter, Interval.HOUR, Statistic.VALUE,
                        g.start, v, null));
            }
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        RawPacket raw = new RawPacket(bytes, "file:" + fileName, clock.instant(), "import:cnemc", null, null, null,
                "cnemc:" + g.key + ":" + sha256(bytes), true);
        int rowCount = g.rows.size();
        int valueCount = values.size();
        return sink.submit(new PacketWrite(raw, values)).handle((outcome, error) -> {
            if (error != null) {
                report.problem(new ImportProblem(fileName, g.lines.get(0), 0, null,
                        "hour not stored (its rows skipped)", "hour " + g.key + " not stored: " + rootMessage(error)));
            } else if (outcome.status() == WriteOutcome.Status.DUPLICATE) {
                report.duplicate();
                report.timeSeen(g.start);
            } else {
                report.timeSeen(g.start);
                for (int i = 0; i < rowCount; i++) {
                    report.rowImported();
                }
                report.valuesStored(valueCount);
            }
            return null;
        });
    }

    static void drainIfNeeded(List<CompletableFuture<Void>> inFlight, boolean all) {
        if (!all && inFlight.size() < MAX_IN_FLIGHT) {
            return;
        }
        for (CompletableFuture<Void> f : inFlight) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                // already reported in the handler
            }
        }
        inFlight.clear();
    }

    /** CNEMC hour h (0-23) is labelled by its end; 0 means 23:00-24:00 of the previous day. */
    static Instant intervalStart(String date, String hour) {
        try {
            LocalDate d = LocalDate.parse(date, DATE);
            int h = Integer.parseInt(hour);
            if (h < 0 || h > 23) {
                return null;
            }
            return d.atStartOfDay().plusHours(h - 1L).toInstant(BEIJING);
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        int a = in.read();
        int b = in.read();
        in.reset();
        return a == 0x1f && b == 0x8b;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private static final class HourGroup {
        final String key;
        final Instant start;
        final List<CSVRecord> rows = new ArrayList<>(16);
        final List<Long> lines = new ArrayList<>(16);

        HourGroup(String key, Instant start) {
            this.key = key;
            this.start = start;
        }
    }

    /** Station list as a lookup by code. */
    public static Function<String, Site> stationListOf(List<Site> stations) {
        Map<String, Site> byCode = new LinkedHashMap<>();
        stations.forEach(s -> byCode.put(s.code(), s));
        return byCode::get;
    }
}
