package org.envmon.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.envmon.app.PlatformPerClass;
import org.envmon.app.RunningPlatform;
import org.envmon.app.cli.DemoCommandAccess;
import org.envmon.ingest.IngestSink;
import org.envmon.model.SiteStore;
import org.envmon.reports.CjkFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reports downloaded from the running platform over the demo data (real Beijing January 2019), opened and read. */
class ReportDownloadTest {
    static RunningPlatform platform;
    @RegisterExtension
    static final PlatformPerClass<RunningPlatform> started = PlatformPerClass.duckdb().then(p -> {
        platform = p;
        DemoCommandAccess.load(p.bean(SiteStore.class), p.bean(IngestSink.class));
    });

    static HttpResponse<byte[]> get(String path) throws Exception {
        return platform.http.send(HttpRequest.newBuilder(platform.uri(path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theAirReportIsAWorkbookWithTheStationsAndTheCityDays() throws Exception {
        HttpResponse<byte[]> r = get("/api/v1/reports/air?city=%E5%8C%97%E4%BA%AC&from=2019-01-01&to=2019-01-31"
                + "&format=xlsx");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v)
                .contains("attachment").contains(".xlsx"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            StringBuilder all = new StringBuilder();
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    row.forEach(c -> all.append(c.toString()).append('|'));
                    all.append('\n');
                }
            }
            // station table, the control site marked, and daily AQI categories of a real polluted January
            assertThat(all).contains("万寿西宫").contains("定陵").contains("良").contains("2019-01-");
        }
    }

    /** The shipped font alone (system fonts skipped), as on a machine without any font installed. */
    @Test
    void thePdfReportRendersTheChineseNamesWithTheShippedFont() throws Exception {
        HttpResponse<byte[]> r = withFont(CjkFont.SHIPPED, () -> get("/api/v1/reports/air?city=%E5%8C%97%E4%BA%AC"
                + "&from=2019-01-01&to=2019-01-07&format=pdf"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(r.body())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("北京", "万寿西宫", "定陵", "对照点", "2019-01-07");
        }
    }

    @Test
    void aPdfThatCannotBeRenderedAnswersProblemJsonWithTheReason() throws Exception {
        HttpResponse<byte[]> r = withFont("/nonexistent/font.ttc,2", () -> get("/api/v1/reports/air?city="
                + "%E5%8C%97%E4%BA%AC&from=2019-01-01&to=2019-01-07&format=pdf"));
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(body).contains("\"title\":\"Report failed\"", "PDF report could not be rendered",
                CjkFont.PROPERTY, "/nonexistent/font.ttc,2", "report-failed");
    }

    static <T> T withFont(String spec, Callable<T> call) throws Exception {
        String old = System.getProperty(CjkFont.PROPERTY);
        System.setProperty(CjkFont.PROPERTY, spec);
        try {
            return call.call();
        } finally {
            if (old == null) {
                System.clearProperty(CjkFont.PROPERTY);
            } else {
                System.setProperty(CjkFont.PROPERTY, old);
            }
        }
    }

    @Test
    void aSingleTableAsCsvAndErrorsAsProblemJson() throws Exception {
        HttpResponse<byte[]> csv = get("/api/v1/reports/air?city=%E5%8C%97%E4%BA%AC&from=2019-01-01&to=2019-01-07"
                + "&format=csv&table=daily");
        assertThat(csv.statusCode()).isEqualTo(200);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF").contains("2019-01-01").contains("2019-01-07");
        assertThat(text.lines().filter(l -> l.startsWith("2019-01-")).count()).isEqualTo(7);

        HttpResponse<byte[]> unknownCity = get("/api/v1/reports/air?city=Atlantis&from=2019-01-01&to=2019-01-07");
        assertThat(unknownCity.statusCode()).isEqualTo(404);
        assertThat(unknownCity.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(get("/api/v1/reports/air?city=%E5%8C%97%E4%BA%AC&from=2019-01-01&to=2019-01-07&format=doc")
                .statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/reports/water?month=2019-13").statusCode()).isEqualTo(400);
    }
}
