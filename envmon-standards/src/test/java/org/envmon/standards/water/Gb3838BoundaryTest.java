package org.envmon.standards.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * GB 3838-2002 Table 1 boundaries (digest §5.1, §5.2): for every limit of every item, the value just below, at and
 * just above it. The expected classes come from an independent copy of the digest table typed below, so a typo in
 * {@link Gb3838Table1} fails here.
 */
class Gb3838BoundaryTest {

    /** Digest §5.1, classes I–V, typed again from the digest. */
    private static final Map<String, String> DIGEST_TABLE_1 = Map.ofEntries(
            Map.entry("codmn", "2 4 6 10 15"),
            Map.entry("cod", "15 15 20 30 40"),
            Map.entry("bod5", "3 3 4 6 10"),
            Map.entry("nh3n", "0.15 0.5 1.0 1.5 2.0"),
            Map.entry("tp", "0.02 0.1 0.2 0.3 0.4"),
            Map.entry("tp/lake", "0.01 0.025 0.05 0.1 0.2"),
            Map.entry("tn", "0.2 0.5 1.0 1.5 2.0"),
            Map.entry("cu", "0.01 1.0 1.0 1.0 1.0"),
            Map.entry("zn", "0.05 1.0 1.0 2.0 2.0"),
            Map.entry("f", "1.0 1.0 1.0 1.5 1.5"),
            Map.entry("se", "0.01 0.01 0.01 0.02 0.02"),
            Map.entry("as", "0.05 0.05 0.05 0.1 0.1"),
            Map.entry("hg", "0.00005 0.00005 0.0001 0.001 0.001"),
            Map.entry("cd", "0.001 0.005 0.005 0.005 0.01"),
            Map.entry("cr6", "0.01 0.05 0.05 0.05 0.1"),
            Map.entry("pb", "0.01 0.01 0.05 0.05 0.1"),
            Map.entry("cn", "0.005 0.05 0.2 0.2 0.2"),
            Map.entry("phenol", "0.002 0.002 0.005 0.01 0.1"),
            Map.entry("petroleum", "0.05 0.05 0.05 0.5 1.0"),
            Map.entry("las", "0.2 0.2 0.2 0.3 0.3"),
            Map.entry("s2", "0.05 0.1 0.2 0.5 1.0"),
            Map.entry("fecal_coliform", "200 2000 10000 20000 40000"),
            Map.entry("do", "7.5 6 5 3 2"));

    private static final BigDecimal EPS = new BigDecimal("1E-9");

    private static List<BigDecimal> digestRow(String key) {
        return Stream.of(DIGEST_TABLE_1.get(key).split(" ")).map(BigDecimal::new).toList();
    }

    /** Expected class by reading the digest row: "≤" best class whose limit holds; DO "≥". */
    private static WaterClass expected(List<BigDecimal> row, BigDecimal v, boolean atLeast) {
        for (int i = 0; i < 5; i++) {
            int c = v.compareTo(row.get(i));
            if (atLeast ? c >= 0 : c <= 0) {
                return WaterClass.values()[i];
            }
        }
        return WaterClass.WORSE_THAN_V;
    }

    static Stream<Arguments> boundaries() {
        List<Arguments> out = new ArrayList<>();
        for (WaterParameter p : WaterParameter.values()) {
            if (p == WaterParameter.PH) {
                continue;
            }
            for (Waterbody wb : Waterbody.values()) {
                String key = p == WaterParameter.TP && wb == Waterbody.LAKE_RESERVOIR ? "tp/lake" : p.column();
                List<BigDecimal> row = digestRow(key);
                for (BigDecimal limit : row) {
                    for (BigDecimal v : List.of(limit.subtract(EPS), limit, limit.add(EPS))) {
                        out.add(Arguments.of(p, wb, v, expected(row, v, p == WaterParameter.DO)));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("boundaries")
    void everyLimitJustBelowAtAndJustAbove(WaterParameter p, Waterbody wb, BigDecimal value, WaterClass expected) {
        assertThat(SurfaceWaterClassification.classify(p, value, wb)).isEqualTo(expected);
    }

    @Test
    void tableMatchesDigestRowByRow() {
        for (WaterParameter p : WaterParameter.values()) {
            if (p == WaterParameter.PH) {
                continue;
            }
            assertThat(Gb3838Table1.limits(p, Waterbody.RIVER)).as(p.column())
                    .usingElementComparator(BigDecimal::compareTo).containsExactlyElementsOf(digestRow(p.column()));
        }
        assertThat(Gb3838Table1.limits(WaterParameter.TP, Waterbody.LAKE_RESERVOIR))
                .usingElementComparator(BigDecimal::compareTo).containsExactlyElementsOf(digestRow("tp/lake"));
    }

    /** Hand-written rows for the boundary cases (independent of the generator above). */
    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
        // DO "≥": at the limit meets the class
        "do, river, 7.5, I", "do, river, 7.4999, II", "do, river, 6, II", "do, river, 5.999, III",
        "do, river, 5, III", "do, river, 4.99, IV", "do, river, 3, IV", "do, river, 2.9, V", "do, river, 2, V",
        "do, river, 1.999, 劣V", "do, river, 0, 劣V", "do, river, 14, I",
        // pH: 6–9 inclusive, all classes; outside 劣V
        "ph, river, 6, I", "ph, river, 5.99, 劣V", "ph, river, 9, I", "ph, river, 9.01, 劣V", "ph, lake, 7.3, I",
        "ph, river, 0, 劣V", "ph, river, 14, 劣V",
        // TP rivers vs lakes
        "tp, river, 0.02, I", "tp, lake, 0.02, II", "tp, river, 0.05, II", "tp, lake, 0.05, III",
        "tp, river, 0.1, II", "tp, lake, 0.1, IV", "tp, river, 0.2, III", "tp, lake, 0.2, V",
        "tp, lake, 0.2001, 劣V", "tp, river, 0.4, V", "tp, river, 0.4001, 劣V",
        // shared limits: better class wins (从优不从劣)
        "cod, river, 15, I", "cod, river, 15.0001, III", "bod5, river, 3, I", "cu, river, 1.0, II",
        "cu, river, 1.00001, 劣V", "cn, river, 0.2, III", "f, river, 1.5, IV", "f, river, 1.50001, 劣V",
        // zero (not detected) meets class I
        "nh3n, river, 0, I", "hg, river, 0, I", "fecal_coliform, river, 40000, V", "fecal_coliform, river, 40001, 劣V",
        // scale does not matter
        "nh3n, river, 1.000000, III", "nh3n, river, 1.0000001, IV", "codmn, river, 6.0, III"})
    void namedCases(String column, String body, String value, String expected) {
        WaterParameter p = WaterParameter.fromColumn(column).orElseThrow();
        Waterbody wb = Waterbody.parse(body).orElseThrow();
        assertThat(SurfaceWaterClassification.classify(p, new BigDecimal(value), wb).label()).isEqualTo(expected);
    }

    @Test
    void rejectsNegativeAndImpossiblePh() {
        assertThatThrownBy(() -> SurfaceWaterClassification.classify(WaterParameter.NH3N, new BigDecimal("-0.1"),
                Waterbody.RIVER)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nh3n");
        assertThatThrownBy(() -> SurfaceWaterClassification.classify(WaterParameter.PH, new BigDecimal("14.1"),
                Waterbody.RIVER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gb3838Table1.limits(WaterParameter.PH, Waterbody.RIVER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void classLabelsAndParsing() {
        assertThat(WaterClass.WORSE_THAN_V.label()).isEqualTo("劣V");
        assertThat(WaterClass.WORSE_THAN_V.romanLabel()).isEqualTo("劣Ⅴ");
        assertThat(WaterClass.parse("Ⅳ")).contains(WaterClass.IV);
        assertThat(WaterClass.parse("iv")).contains(WaterClass.IV);
        assertThat(WaterClass.parse("劣Ⅴ")).contains(WaterClass.WORSE_THAN_V);
        assertThat(WaterClass.parse("劣V")).contains(WaterClass.WORSE_THAN_V);
        assertThat(WaterClass.parse("--")).isEmpty();
        assertThat(WaterClass.worst(WaterClass.II, WaterClass.IV)).isEqualTo(WaterClass.IV);
        assertThat(WaterParameter.fromColumn("fecal_coliform")).contains(WaterParameter.FECAL_COLIFORM);
        assertThat(WaterParameter.fromColumn("PH")).isEmpty();
        assertThat(java.util.Arrays.stream(WaterParameter.values()).filter(WaterParameter::isRoutine).count())
                .as("21 routine items, digest §5.3").isEqualTo(21);
    }
}
