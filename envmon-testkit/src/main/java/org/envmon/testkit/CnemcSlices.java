package org.envmon.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Weeks of real CNEMC hourly data shipped with the tests (see {@code cnemc/README.md} beside this class): the same
 * layout as the full files in {@code ../shared/data/air/cnemc-2019-cities}, available on every clone.
 */
public final class CnemcSlices {
    public static final String BEIJING_WINTER_WEEK = "cnemc_2019_beijing_20190108-20190114.csv.gz";
    public static final String BEIJING_SUMMER_WEEK = "cnemc_2019_beijing_20190701-20190707.csv.gz";
    public static final String HAIKOU_WINTER_WEEK = "cnemc_2019_haikou_20190108-20190114.csv.gz";
    public static final List<String> ALL = List.of(BEIJING_WINTER_WEEK, BEIJING_SUMMER_WEEK, HAIKOU_WINTER_WEEK);

    private static final Map<String, Path> FILES = new ConcurrentHashMap<>();

    private CnemcSlices() {
    }

    /** The slice as a file (copied out of the test-support jar once per JVM). */
    public static Path file(String name) {
        return FILES.computeIfAbsent(name, CnemcSlices::copyOut);
    }

    /** Every shipped slice as a file. */
    public static List<Path> all() {
        return ALL.stream().map(CnemcSlices::file).toList();
    }

    private static Path copyOut(String name) {
        try (InputStream in = CnemcSlices.class.getResourceAsStream("cnemc/" + name)) {
            if (in == null) {
                throw new IOException("no shipped slice " + name);
            }
            Path dir = Files.createTempDirectory("envmon-cnemc-slice");
            Path out = dir.resolve(name);
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            out.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
