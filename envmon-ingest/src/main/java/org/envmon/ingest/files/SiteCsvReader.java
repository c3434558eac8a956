package org.envmon.ingest.files;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.envmon.model.Medium;
import org.envmon.model.PasswordHash;
import org.envmon.model.Site;

/**
 * Reads a site list. Two layouts are recognised by their header:
 * <ul>
 *   <li>EnvMon's: {@code code,name,medium,mn,password,province,city,latitude,longitude} plus optional
 *       {@code county,basin,control} (Y/N) and, for surface-water sections, {@code waterbody} (river, lake,
 *       reservoir), {@code target_class} (I–V or 1–5) and {@code drinking_water_source} (Y/N); other columns are
 *       ignored;</li>
 *   <li>the CNEMC national air station list ({@code 监测点编码,监测点名称,城市,经度,纬度,对照点,省级行政区,...}): all
 *       sites are air sites without MN (they can be given one later).</li>
 * </ul>
 * Passwords are hashed here; clear text never reaches the store. Bad rows are reported with line and column.
 */
public final class SiteCsvReader {
    static final List<String> REQUIRED = List.of("code", "name", "medium", "mn", "password", "province", "city",
            "latitude", "longitude");
    private static final Map<String, String> CNEMC_HEADER = Map.of(
            "监测点编码", "code", "监测点名称", "name", "城市", "city", "经度", "longitude", "纬度", "latitude",
            "对照点", "control", "省级行政区", "province");

    public List<Site> read(Reader in, String fileName, ImportReport report) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        List<Site> sites = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Set<String> mns = new HashSet<>();
        try (CSVParser parser = CSVParser.parse(in, format)) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.replace("\uFEFF", "").trim()).toList();
            boolean cnemc = header.contains("监测点编码");
            if (!cnemc) {
                List<String> missing = REQUIRED.stream().filter(c -> !header.contains(c)).toList();
                if (!missing.isEmpty()) {
                    report.problem(new ImportProblem(fileName, 1, null, "missing columns " + missing
                            + "; expected header " + String.join(",", REQUIRED)));
                    return sites;
                }
            }
            for (CSVRecord r : parser) {
                report.rowRead();
                long line = r.getRecordNumber() + 1;
                Map<String, String> row = cnemc ? renameCnemc(r.toMap()) : normalise(r.toMap());
                try {
                    Site site = toSite(row, cnemc);
                    if (!codes.add(site.code())) {
                        throw new CellException("code", "duplicate code " + site.code() + " in this file");
                    }
                    if (site.mn() != null && !mns.add(site.mn())) {
                        throw new CellException("mn", "duplicate MN " + site.mn() + " in this file");
                    }
                    sites.add(site);
                    report.rowImported();
                } catch (CellException e) {
                    report.problem(new ImportProblem(fileName, line, 0, e.column,
                            "bad " + e.column + " (row skipped)", e.getMessage()));
                }
            }
        }
        return sites;
    }

    private static Map<String, String> normalise(Map<String, String> raw) {
        Map<String, String> out = new java.util.HashMap<>();
        raw.forEach((k, v) -> out.put(k.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT), v));
        return out;
    }

    private static Map<String, String> renameCnemc(Map<String, String> raw) {
        Map<String, String> out = new java.util.HashMap<>();
        raw.forEach((k, v) -> {
            String name = CNEMC_HEADER.get(k.replace("\uFEFF", "").trim());
            if (name != null) {
                out.put(name, v);
            }
        });
        out.put("medium", "air");
        return out;
    }

    private static Site toSite(Map<String, String> row, boolean cnemc) {
        String code = required(row, "code");
        String name = required(row, "name");
        Medium medium;
        try {
            medium = Medium.fromCode(required(row, "medium"));
        } catch (IllegalArgumentException e) {
            throw new CellException("medium", e.getMessage());
        }
        String mn = blankToNull(row.get("mn"));
        if (mn != null && (mn.length() > 24 || !mn.chars().allMatch(Character::isLetterOrDigit))) {
            throw new CellException("mn", "MN must be at most 24 letters or digits (HJ 212-2017 §6.3.2): " + mn);
        }
        String password = blankToNull(row.get("password"));
        if (mn != null && password == null && !cnemc) {
            throw new CellException("password", "a site with an MN needs a password");
        }
        Double lat = coordinate(row, "latitude", -90, 90);
        Double lon = coordinate(row, "longitude", -180, 180);
        String waterbody = blankToNull(row.get("waterbody"));
        if (waterbody != null && !Site.WATERBODIES.contains(waterbody.toLowerCase(Locale.ROOT))) {
            throw new CellException("waterbody", "waterbody must be river, lake or reservoir: " + waterbody);
        }
        return new Site(code, name, medium, mn, password == null ? null : PasswordHash.hash(password),
                blankToNull(row.get("province")), blankToNull(row.get("city")), blankToNull(row.get("county")),
                blankToNull(row.get("basin")), lat, lon, yesNo(row.get("control"), "control"),
                waterbody == null ? null : waterbody.toLowerCase(Locale.ROOT), targetClass(row.get("target_class")),
                yesNo(row.get("drinking_water_source"), "drinking_water_source"));
    }

    /** I–V (Roman, as plans write it) or 1–5. */
    private static Integer targetClass(String v) {
        String t = blankToNull(v);
        if (t == null) {
            return null;
        }
        return switch (t.toUpperCase(Locale.ROOT)) {
            case "I", "1" -> 1;
            case "II", "2" -> 2;
            case "III", "3" -> 3;
            case "IV", "4" -> 4;
            case "V", "5" -> 5;
            default -> throw new CellException("target_class", "target_class must be I to V: " + t);
        };
    }

    private static String required(Map<String, String> row, String column) {
        String v = blankToNull(row.get(column));
        if (v == null) {
            throw new CellException(column, "empty " + column);
        }
        return v;
    }

    private static Double coordinate(Map<String, String> row, String column, double min, double max) {
        String v = blankToNull(row.get(column));
        if (v == null || v.equals("-")) {
            return null; // some real stations are published without coordinates
        }
        try {
            double d = Double.parseDouble(v);
            if (d < min || d > max || Double.isNaN(d)) {
                throw new CellException(column, column + " out of range: " + v);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new CellException(column, "not a number: " + v);
        }
    }

    private static boolean yesNo(String v, String column) {
        if (v == null || v.isBlank()) {
            return false;
        }
        return switch (v.trim().toUpperCase(Locale.ROOT)) {
            case "Y", "YES", "TRUE", "1", "是" -> true;
            case "N", "NO", "FALSE", "0", "否" -> false;
            default -> throw new CellException(column, column + " must be Y or N: " + v);
        };
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static final class CellException extends RuntimeException {
        final String column;

        CellException(String column, String message) {
            super(message, null, false, false);
            this.column = column;
        }
    }
}
