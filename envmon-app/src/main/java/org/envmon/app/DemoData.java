package org.envmon.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.envmon.ingest.files.ImportReport;
import org.envmon.ingest.files.SiteCsvReader;
import org.envmon.model.Site;

/**
 * Demo and reference data shipped inside the application (from the repository's {@code demo/} folder; sources in
 * {@code demo/README.md}).
 */
public final class DemoData {
    public static final String AIR_STATIONS = "demo/sites-air-cnemc.csv";
    public static final String BEIJING_JANUARY_2019 = "demo/cnemc-beijing-2019-01.csv.gz";
    /** The CNEMC automatic surface-water publication, 2025-11 and 2026-02: 4,450 records of 1,596 sections. */
    public static final String WATER_SECTIONS = "demo/cnemc-water-sections-2025-11_2026-02.csv.gz";

    private DemoData() {
    }

    /** The CNEMC national air station list (2,026 stations) with demo MNs and the demo password. */
    public static List<Site> nationalAirStations() {
        try (InputStream in = open(AIR_STATIONS)) {
            ImportReport report = new ImportReport();
            List<Site> sites = new SiteCsvReader().read(new InputStreamReader(in, StandardCharsets.UTF_8),
                    AIR_STATIONS, report);
            if (!report.problems().isEmpty()) {
                throw new IllegalStateException("shipped station list is broken: " + report.problems().get(0));
            }
            return sites;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static InputStream open(String resource) {
        InputStream in = DemoData.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        return in;
    }
}
