package org.envmon.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the CJK font the PDF renderer embeds. OpenPDF ships no CJK font, and no suitable font is on Maven Central,
 * so the font comes from the machine:
 * <ol>
 *   <li>the system property {@value #PROPERTY}, else the environment variable {@value #ENV}: a path to a TrueType
 *       or OpenType font, or a collection with the face index after a comma ({@code /path/NotoSansCJK-Regular.ttc,2});
 *       when set, it must exist;</li>
 *   <li>else the first of {@link #CANDIDATES} that exists: Debian's {@code fonts-noto-cjk} (Noto Sans CJK SC,
 *       SIL OFL 1.1, the recommended package), {@code fonts-wqy-zenhei} / {@code fonts-wqy-microhei}, and
 *       {@code fonts-droid-fallback} (Apache-2.0; has no Latin glyphs, which the renderer then takes from
 *       Helvetica), plus the usual Fedora/Arch, macOS-less Windows locations.</li>
 * </ol>
 * The font is embedded as a subset (only the glyphs used), so a reader needs no font installed.
 */
public final class CjkFont {

    /** System property naming the font file ({@code path} or {@code path,index}). */
    public static final String PROPERTY = "envmon.reports.cjk-font";
    /** Environment variable used when the property is not set. */
    public static final String ENV = "ENVMON_REPORTS_CJK_FONT";
    /** The Debian package to install for the default location. */
    public static final String DEBIAN_PACKAGE = "fonts-noto-cjk";

    /** Default locations, most preferred first. A ",n" suffix selects face n of a collection (.ttc). */
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

    /** The configured font, else the first default location that exists; empty when none is found. */
    public static Optional<String> locate() {
        String configured = configured();
        if (configured != null) {
            return exists(configured) ? Optional.of(configured) : Optional.empty();
        }
        return CANDIDATES.stream().filter(CjkFont::exists).findFirst();
    }

    /**
     * {@link #locate()}, or an exception whose message says what to set or install.
     *
     * @throws IllegalStateException when no font is found
     */
    public static String require() {
        return locate().orElseThrow(() -> new IllegalStateException(missingMessage()));
    }

    /** The explanation given when no font is found. */
    public static String missingMessage() {
        return missingMessage(configured());
    }

    static String missingMessage(String configured) {
        if (configured != null) {
            return "PDF reports: the CJK font configured by " + PROPERTY + " / " + ENV + " does not exist: "
                    + configured;
        }
        List<String> tried = new ArrayList<>();
        for (String c : CANDIDATES) {
            tried.add(file(c));
        }
        return "PDF reports need a CJK (Chinese) font and none was found. Install the Debian/Ubuntu package "
                + DEBIAN_PACKAGE + " (apt-get install " + DEBIAN_PACKAGE + "), or set -D" + PROPERTY
                + "=/path/to/font.ttf (a .ttc collection as /path/font.ttc,INDEX) or the environment variable "
                + ENV + ". Looked in: " + String.join(", ", tried);
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
