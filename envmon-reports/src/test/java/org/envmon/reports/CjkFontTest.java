package org.envmon.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lowagie.text.pdf.BaseFont;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CjkFontTest {

    /** The station list the project ships with its demo (module directory is the working directory). */
    static final Path DEMO_SITES = Path.of("..", "demo", "sites-air-cnemc.csv");

    private final String old = System.getProperty(CjkFont.PROPERTY);

    @AfterEach
    void restore() {
        if (old == null) {
            System.clearProperty(CjkFont.PROPERTY);
        } else {
            System.setProperty(CjkFont.PROPERTY, old);
        }
    }

    @Test
    void configuredFontMustExistAndTheErrorNamesIt() {
        System.setProperty(CjkFont.PROPERTY, "/nonexistent/font.ttc,2");
        assertThatThrownBy(CjkFont::locate).hasMessageContaining(CjkFont.PROPERTY)
                .hasMessageContaining("/nonexistent/font.ttc,2");
        assertThatThrownBy(() -> new PdfRenderer().toBytes(AirReportsTest.MONTH.report()))
                .isInstanceOf(ReportRenderingException.class)
                .hasMessageStartingWith("PDF report could not be rendered: ")
                .hasMessageContaining(CjkFont.PROPERTY).hasMessageContaining("/nonexistent/font.ttc,2");
    }

    @Test
    void configuredFontFirstThenSystemFontThenTheShippedOne(@TempDir Path dir) throws Exception {
        Path system = Files.createFile(dir.resolve("system.ttc"));
        Path configured = Files.createFile(dir.resolve("configured.ttf"));
        List<String> candidates = List.of("/nonexistent/a.ttc,2", system + ",1");
        assertThat(CjkFont.locate(configured.toString(), candidates)).isEqualTo(configured.toString());
        assertThat(CjkFont.locate(null, candidates)).isEqualTo(system + ",1");
        assertThat(CjkFont.locate(null, List.of("/nonexistent/a.ttc,2"))).isEqualTo(CjkFont.SHIPPED);
        assertThat(CjkFont.locate("Shipped", candidates)).as("skips the system fonts").isEqualTo(CjkFont.SHIPPED);
    }

    @Test
    void theShippedFontCoversGb2312AndEveryNameInTheDemoStationList() throws Exception {
        BaseFont f = CjkFont.load(CjkFont.SHIPPED);
        List<String> missing = new ArrayList<>();
        CharsetDecoder gb2312 = Charset.forName("GB2312").newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int hanzi = 0;
        for (int hi = 0xB0; hi <= 0xF7; hi++) { // GB 2312 rows 16-87: the 6,763 hanzi
            for (int lo = 0xA1; lo <= 0xFE; lo++) {
                try {
                    String c = gb2312.decode(ByteBuffer.wrap(new byte[] {(byte) hi, (byte) lo})).toString();
                    hanzi++;
                    if (!f.charExists(c.codePointAt(0))) {
                        missing.add(c);
                    }
                } catch (java.nio.charset.CharacterCodingException unassigned) {
                    // the empty cells at the end of row 55 and row 87
                }
            }
        }
        assertThat(hanzi).isEqualTo(6763);
        for (String line : Files.readAllLines(DEMO_SITES, StandardCharsets.UTF_8)) {
            line.codePoints().filter(cp -> cp > 0x7F && !f.charExists(cp))
                    .forEach(cp -> missing.add(Character.toString(cp)));
        }
        for (char c : "µg/m³ mg/m³ ℃ ° · ×±≤≥％（）：；、。“”—…Ⅰ Ⅱ Ⅲ Ⅳ Ⅴ 劣Ⅴ".toCharArray()) {
            if (!Character.isWhitespace(c) && !f.charExists(c)) {
                missing.add(String.valueOf(c));
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void collectionIndexIsNotPartOfTheFileName() {
        assertThat(CjkFont.file("/a/b.ttc,2")).isEqualTo("/a/b.ttc");
        assertThat(CjkFont.file("/a/b,c.ttf")).isEqualTo("/a/b,c.ttf");
        assertThat(CjkFont.file("/a/b.ttf")).isEqualTo("/a/b.ttf");
    }
}
