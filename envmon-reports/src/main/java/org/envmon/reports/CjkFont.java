package org.envmon.reports;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the CJK font the PDF renderer embeds, in this order:
 * <ol>
 *   <li>the system property {@value #PROPERTY}, else the environment variable {@value #ENV}: a path to a TrueType
 *       or OpenType font, or a collection with the face index after a comma ({@code /path/NotoSansCJK-Regular.ttc,2}),
 *       or {@value #SHIPPED} for the font shipped in this jar; when set, it must exist;</li>
 *   <li>else the first of {@link #CANDIDATES} that exists: Debian's {@code fonts-noto-cjk} (Noto Sans CJK SC,
 *       SIL OFL 1.1), {@code fonts-wqy-zenhei} / {@code fonts-wqy-microhei}, {@code fonts-droid-fallback} (no
 *       Latin glyphs, which the renderer then takes from Helvetica), and the usual Fedora/Arch/Windows places;</li>
 *   <li>else the shipped font {@value #SHIPPED_RESOURCE}: a subset of Noto Sans CJK SC Regular (SIL OFL 1.1, licence
 *       and source beside it) covering GB 2312 and every character of the project's station and section names,
 *       with TrueType outlines. A machine without any font still renders reports.</li>
 * </ol>
 * Whichever it is, the font is embedded as a subset (only the glyphs used), so a reader needs no font installed.
 */
public final class CjkFont {

    /** System property naming the font file ({@code path}, {@code path,index} or {@value #SHIPPED}). */
    public static final String PROPERTY = "envmon.reports.cjk-font";
    /** Environment variable used when the property is not set. */
    public static final String ENV = "ENVMON_REPORTS_CJK_FONT";
    /** The configured value that selects the shipped font, skipping the system fonts. */
    public static final String SHIPPED = "shipped";
    /** Class-path resource of the shipped font (relative to this class). */
    public static final String SHIPPED_RESOURCE = "fonts/NotoSansCJKsc-Regular-subset.ttf";

    /** Default system locations, most preferred first. A ",n" suffix selects face n of a collection (.ttc). */
    public static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2", // Debian/Ubuntu fonts-noto-cjk, face 2 = SC
            "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc,2", // Arch noto-fonts-cjk
            "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc,2", // Fedora google-noto-sans-cjk-fonts
            "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc,2",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0", // fonts-wqy-zenhei
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0", // fonts-wqy-microhei
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", // fonts-droid-fallback
            "C:/Windows/Fonts/simhei.ttf",
            "C:/Windows/Fonts/simsun.ttc,0");

    private CjkFont() {
    }

    /**
     * The font to use: the configured one, else the first system font that exists, else {@value #SHIPPED}.
     *
     * @throws IllegalStateException when a configured font does not exist (the message names it and the property)
     */
    public static String locate() {
        return locate(configured(), CANDIDATES);
    }

    static String locate(String configured, List<String> candidates) {
        if (configured != null) {
            if (!configured.equalsIgnoreCase(SHIPPED) && !exists(configured)) {
                throw new IllegalStateException(missingMessage(configured));
            }
            return configured.equalsIgnoreCase(SHIPPED) ? SHIPPED : configured;
        }
        return candidates.stream().filter(CjkFont::exists).findFirst().orElse(SHIPPED);
    }

    static String missingMessage(String configured) {
        return "the CJK font for PDF reports configured by " + PROPERTY + " / " + ENV + " does not exist: "
                + configured + " (unset it to use a system font or the shipped one, or set it to '" + SHIPPED + "')";
    }

    /**
     * Loads a font spec from {@link #locate()} for embedding (Identity-H). OpenPDF caches fonts by name, so each
     * file is parsed once per JVM.
     */
    static BaseFont load(String spec) throws DocumentException, IOException {
        if (SHIPPED.equalsIgnoreCase(spec)) {
            return BaseFont.createFont(SHIPPED_RESOURCE, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                    shippedBytes(), null);
        }
        return BaseFont.createFont(spec, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
    }

    private static byte[] shippedBytes;

    /** The shipped font's bytes, read on first use (about 2 MB). */
    private static synchronized byte[] shippedBytes() throws IOException {
        if (shippedBytes == null) {
            try (InputStream in = CjkFont.class.getResourceAsStream(SHIPPED_RESOURCE)) {
                if (in == null) {
                    throw new IOException("the shipped CJK font " + SHIPPED_RESOURCE + " is not on the class path");
                }
                shippedBytes = in.readAllBytes();
            }
        }
        return shippedBytes;
    }

    private static String configured() {
        String v = System.getProperty(PROPERTY);
        if (v == null || v.isBlank()) {
            v = System.getenv(ENV);
        }
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** The file part of a font spec ({@code path,index} → {@code path}). */
    static String file(String spec) {
        int comma = spec.lastIndexOf(',');
        if (comma > 0 && spec.substring(comma + 1).trim().matches("\\d+")) {
            return spec.substring(0, comma);
        }
        return spec;
    }

    private static boolean exists(String spec) {
        return Files.isReadable(Path.of(file(spec)));
    }
}
