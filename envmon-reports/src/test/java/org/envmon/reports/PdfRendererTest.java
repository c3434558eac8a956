package org.envmon.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDCIDFont;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Renders PDFs and reads them back with PDFBox (text extraction, fonts), with the font {@link CjkFont} finds (a
 * system font where there is one, else the shipped one) and with the shipped font alone. The rendered files are kept
 * under {@code target/reports/} for a visual check ({@code pdftoppm -png -r 80 -f 1 -l 1 FILE out}).
 */
class PdfRendererTest {

    static final Path OUT = Path.of("target", "reports");

    @BeforeEach
    void out() throws Exception {
        Files.createDirectories(OUT);
    }

    static PDDocument render(Report r, String file) throws Exception {
        return render(new PdfRenderer(), r, file);
    }

    static PDDocument render(PdfRenderer renderer, Report r, String file) throws Exception {
        byte[] bytes = renderer.toBytes(r);
        Files.write(OUT.resolve(file), bytes);
        return Loader.loadPDF(bytes);
    }

    static String text(PDDocument d) throws Exception {
        return new PDFTextStripper().getText(d);
    }

    @Test
    void airReportHasChineseTextOnA4Landscape() throws Exception {
        Report r = AirReportsTest.MONTH.report();
        try (PDDocument d = render(r, "air-month.pdf")) {
            PDPage p = d.getPage(0);
            assertThat(p.getMediaBox().getWidth()).isCloseTo(842f, org.assertj.core.data.Offset.offset(1f));
            assertThat(p.getMediaBox().getHeight()).isCloseTo(595f, org.assertj.core.data.Offset.offset(1f));
            String t = text(d);
            assertThat(t).contains("北京2025年1月环境空气质量评价", "优", "良", "东四", "定陵", "对照点", "数据不足",
                    "2025-01-01", "PM2.5", "综合指数", "第 1 页", "生成时间：2026-01-05 09:30");
            assertThat(d.getDocumentInformation().getTitle()).isEqualTo(r.title());
        }
    }

    @Test
    void cjkFontIsEmbeddedAsSubset() throws Exception {
        try (PDDocument d = render(AirReportsTest.YEAR.report().select("city", "ranking"), "air-year-city.pdf")) {
            PDFont cjk = fonts(d).stream().filter(f -> f.getName().matches("[A-Z]{6}\\+.*")).findFirst().orElseThrow();
            assertThat(cjk.isEmbedded()).isTrue();
            String t = text(d);
            assertThat(t).contains("超标", "达标", "天津", "石家庄", "北京排名第2");
        }
    }

    /** What a machine without any font gets: the system fonts are skipped as {@code -D...cjk-font=shipped} does. */
    @Test
    void theShippedFontRendersWithoutAnySystemFontAndIsEmbeddedAsATrueTypeSubset() throws Exception {
        Report r = AirReportsTest.YEAR.report().select("stations", "city", "ranking");
        try (PDDocument d = render(new PdfRenderer(CjkFont.SHIPPED), r, "air-year-shipped-font.pdf")) {
            assertThat(text(d)).contains("北京", "天津", "石家庄", "东四", "定陵", "对照点", "达标", "µg/m³",
                    "北京排名第2", "第 1 页");
            PDFont cjk = fonts(d).stream().filter(f -> f.getName().matches("[A-Z]{6}\\+NotoSansCJKsc-Regular"))
                    .findFirst().orElseThrow();
            assertThat(cjk.isEmbedded()).isTrue();
            PDCIDFont descendant = ((PDType0Font) cjk).getDescendantFont();
            assertThat(descendant).isInstanceOf(PDCIDFontType2.class); // TrueType outlines
            // a subset: a few hundred glyphs, not the 2 MB of the shipped file
            int embedded = descendant.getFontDescriptor().getFontFile2().toByteArray().length;
            assertThat(embedded).isBetween(1_000, 300_000);
        }
        System.setProperty(CjkFont.PROPERTY, CjkFont.SHIPPED);
        try (PDDocument d = render(AirReportsTest.MONTH.report(), "air-month-shipped-font.pdf")) {
            assertThat(text(d)).contains("北京2025年1月环境空气质量评价");
            assertThat(fonts(d)).anyMatch(f -> f.getName().endsWith("+NotoSansCJKsc-Regular"));
        } finally {
            System.clearProperty(CjkFont.PROPERTY);
        }
    }

    static List<PDFont> fonts(PDDocument d) throws Exception {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage p : d.getPages()) {
            PDResources res = p.getResources();
            for (var name : res.getFontNames()) {
                fonts.add(res.getFont(name));
            }
        }
        return fonts;
    }

    @Test
    void longDailyTableSpansPagesWithRepeatedHeader() throws Exception {
        try (PDDocument d = render(AirReportsTest.YEAR.report().select("daily"), "air-year-daily.pdf")) {
            assertThat(d.getNumberOfPages()).isGreaterThan(3);
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(3);
            s.setEndPage(3);
            assertThat(s.getText(d)).contains("首要污染物", "类别");
            assertThat(text(d)).contains("2025-12-31");
        }
    }

    @Test
    void waterReport() throws Exception {
        try (PDDocument d = render(Fixtures.waterReport(), "water-month.pdf")) {
            assertThat(text(d)).contains("2025年3月地表水环境质量评价", "洪湖", "劣Ⅴ", "总磷（0.75）", "长江", "CWQI");
        }
    }
}
