package org.envmon.testkit;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reading the CNEMC automatic surface-water sections export ({@code shared/data/water/README.md}): its cells, the
 * published class, and whether a section is a lake/reservoir, as the agreement tests of the standards and of the
 * evaluation both decide it.
 */
public final class CnemcWaterSections {
    /** The published {@code 水质类别}, class I first. */
    public static final List<String> CLASSES = List.of("Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "劣Ⅴ");

    private static final Pattern LAKE_NAME = Pattern.compile("(湖|淀|池|海)$|水库");

    private CnemcWaterSections() {
    }

    /** The stripped cell of {@code column}, or "" where the row has none. */
    public static String cell(List<String> header, String[] row, String column) {
        int i = header.indexOf(column);
        return i < 0 || i >= row.length ? "" : row[i].strip();
    }

    /**
     * Lake or reservoir: with a {@code 所属河流}, a name ending in 湖, 淀, 池 or 海 or containing 水库 (荡 is published with
     * river limits); without one (the 2026 page layout), a section measuring chlorophyll a.
     */
    public static boolean lakeOrReservoir(String riverName, String chlaRaw) {
        if (!riverName.isEmpty()) {
            return LAKE_NAME.matcher(riverName).find();
        }
        return isNumber(chlaRaw);
    }

    /** A number ("3E-05" included); "--", "*" and empty are not. */
    public static boolean isNumber(String s) {
        try {
            new BigDecimal(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
