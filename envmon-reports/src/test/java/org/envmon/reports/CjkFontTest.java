package org.envmon.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CjkFontTest {

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
        assertThat(CjkFont.locate()).isEmpty();
        assertThatThrownBy(() -> new PdfRenderer().toBytes(AirReportsTest.MONTH.report()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(CjkFont.PROPERTY)
                .hasMessageContaining("/nonexistent/font.ttc,2");
    }

    @Test
    void messageWhenNothingIsFoundNamesPropertyAndPackage() {
        assertThat(CjkFont.missingMessage(null)).contains("-D" + CjkFont.PROPERTY, CjkFont.ENV,
                "apt-get install fonts-noto-cjk", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
    }

    @Test
    void collectionIndexIsNotPartOfTheFileName() {
        assertThat(CjkFont.file("/a/b.ttc,2")).isEqualTo("/a/b.ttc");
        assertThat(CjkFont.file("/a/b,c.ttf")).isEqualTo("/a/b,c.ttf");
        assertThat(CjkFont.file("/a/b.ttf")).isEqualTo("/a/b.ttf");
    }
}
