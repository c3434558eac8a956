package org.envmon.app.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.envmon.app.DemoData;
import org.envmon.app.RunningPlatform;
import org.envmon.ingest.IngestSink;
import org.envmon.ingest.files.CnemcHourlyImporter;
import org.envmon.ingest.files.ImportReport;
import org.envmon.model.SiteStore;
import org.springframework.context.ConfigurableApplicationContext;

/** The application for the evaluation tests (the alert feed is driven by the tests), with a CNEMC slice loader. */
final class EvaluationPlatform extends RunningPlatform {
    private static final String MANUAL_ALERT_FEED = "envmon.evaluation.alerts-interval=0s";

    private EvaluationPlatform(ConfigurableApplicationContext ctx) {
        super(ctx);
    }

    static EvaluationPlatform duckdb(Path dataDir) {
        return on(List.of("envmon.data-dir=" + dataDir));
    }

    /** Started with the store's properties (and the manual alert feed). */
    static EvaluationPlatform on(List<String> properties) {
        return new EvaluationPlatform(run(with(MANUAL_ALERT_FEED, properties.toArray(String[]::new))));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** ../shared/data/air/cnemc-2019-cities/{name}, or null when absent (a clone without ../shared). */
    static Path cnemcFile(String name) {
        return org.envmon.testkit.SharedData.find("air/cnemc-2019-cities/" + name).orElse(null);
    }

    /** Imports the rows of a CNEMC city file whose date passes {@code dates} (e.g. one month), as the importer does. */
    void importCnemc(Path file, Predicate<String> dates) throws IOException {
        StringBuilder text = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file),
                1 << 16), StandardCharsets.UTF_8))) {
            text.append(r.readLine()).append('\n');
            String line;
            while ((line = r.readLine()) != null) {
                if (dates.test(line.substring(0, line.indexOf(',')))) {
                    text.append(line).append('\n');
                }
            }
        }
        ImportReport report = new ImportReport();
        new CnemcHourlyImporter(bean(IngestSink.class), bean(SiteStore.class),
                CnemcHourlyImporter.stationListOf(DemoData.nationalAirStations()), Clock.systemUTC())
                .importStream(new StringReader(text.toString()), file.getFileName().toString(), report);
    }

}
