package org.envmon.standards.water;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.envmon.testkit.CnemcWaterSections;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real data: the class of every CNEMC automatic-station record, computed from the raw values ({@code _原始值}), against
 * the published {@code 水质类别} ({@code shared/data/water/README.md}). Only pH, DO, CODMn, NH3-N and TP are measured,
 * which is what the official class uses.
 *
 * <p><b>Lake or river</b> (decision, measured on this file): when {@code 所属河流} is given, a lake/reservoir is a
 * water body whose name ends in 湖, 淀, 池 or 海 (洱海, 邛海, 滇池, 白洋淀) or contains 水库 (also "石门水库（褒河）");
 * 湘家荡 (荡) is published with river TP limits, so 荡 is not a lake marker, and names like 海河 or 藕池河 end in 河.
 * When {@code 所属河流} is empty (the 2026 page layout), a section measuring chlorophyll a is a lake (automatic lake
 * stations measure chla and algae density; river stations show "*").
 *
 * <p>Measured (4 284 records with a published class I–劣V): unrounded raw values agree on 4 213 (98.34%); raw values
 * rounded to the published precision with GB/T 8170 ({@link WaterRounding#REPORTED}) agree on 4 282 (99.95%). Of the
 * 71 unrounded disagreements, 70 are values within one rounding step above a class limit, published one class better
 * (TP 0.0201–0.0204 → I, DO 5.95–5.997 → II, CODMn 4.003–4.04 and 6.011–6.041 → II/III, pH 9.0019–9.072 and 5.86 →
 * not 劣V): the publication classifies the rounded value. The 71st, and one of the two left after rounding, is
 * 新港口(新塘港) (2026 layout, no river name, measures chla so taken as lake): TP 0.052 is IV with lake limits, published
 * II (river limits give II). The other is 兆通 (2026 layout): CODMn 2.0363 is displayed there with 2 decimals (2.04,
 * II) but the 2025 precision (1 decimal) rounds it to 2.0, class I.
 */
class CnemcRealDataAgreementTest {

    private static final String FILE = "cnemc_water_auto_sections_2025-11_2026-02.csv";
    private static final List<String> CLASSES = CnemcWaterSections.CLASSES;
    private static final Map<WaterParameter, String> RAW = new EnumMap<>(Map.of(
            WaterParameter.PH, "pH(无量纲)_原始值",
            WaterParameter.DO, "溶解氧(mg/L)_原始值",
            WaterParameter.CODMN, "高锰酸盐指数(mg/L)_原始值",
            WaterParameter.NH3N, "氨氮(mg/L)_原始值",
            WaterParameter.TP, "总磷(mg/L)_原始值"));

    private static List<String> header;
    private static List<String[]> rows;

    @BeforeAll
    static void load() throws IOException {
        Path file = org.envmon.testkit.SharedData.require("water/" + FILE);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        header = List.of(lines.get(0).split(",", -1));
        rows = lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).map(l -> l.split(",", -1))
                .toList();
    }

    private static String cell(String[] row, String column) {
        return CnemcWaterSections.cell(header, row, column);
    }

    static Waterbody waterbodyOf(String riverName, String chlaRaw) {
        return CnemcWaterSections.lakeOrReservoir(riverName, chlaRaw) ? Waterbody.LAKE_RESERVOIR : Waterbody.RIVER;
    }

    private record Agreement(int records, int agree, Map<String, Integer> disagreements) {
        double rate() {
            return (double) agree / records;
        }
    }

    private Agreement measure(boolean rounded) {
        int n = 0;
        int agree = 0;
        Map<String, Integer> dis = new TreeMap<>();
        for (String[] row : rows) {
            int published = CLASSES.indexOf(cell(row, "水质类别"));
            if (published < 0) {
                continue; // "--" or empty: not assessed
            }
            n++;
            Waterbody wb = waterbodyOf(cell(row, "所属河流"), cell(row, "叶绿素α(mg/L)_原始值"));
            Map<WaterParameter, BigDecimal> values = new EnumMap<>(WaterParameter.class);
            RAW.forEach((p, col) -> {
                String s = cell(row, col);
                if (CnemcWaterSections.isNumber(s)) {
                    UnaryOperator<BigDecimal> r = v -> rounded ? WaterRounding.REPORTED.round(p, v) : v;
                    values.put(p, r.apply(new BigDecimal(s)));
                }
            });
            SectionClassResult result = SurfaceWaterClassification.classifySection(values, wb);
            if (result.sectionClass().isEmpty()) {
                dis.merge("no raw value", 1, Integer::sum);
                continue;
            }
            int computed = result.sectionClass().get().ordinal();
            if (computed == published) {
                agree++;
            } else {
                String key = (computed > published ? "published better" : "published worse") + ", computed by "
                        + result.decidingParameters().stream().map(WaterParameter::column).toList() + ", " + wb.code();
                dis.merge(key, 1, Integer::sum);
            }
        }
        return new Agreement(n, agree, dis);
    }

    @Test
    void unroundedRawValuesAgreeWithPublishedClass() {
        Agreement a = measure(false);
        System.out.printf("CNEMC water, raw unrounded: %d/%d = %.4f; disagreements %s%n", a.agree(), a.records(),
                a.rate(), a.disagreements());
        assertThat(a.records()).isEqualTo(4284);
        // measured 4213/4284 = 0.98343
        assertThat(a.rate()).isGreaterThanOrEqualTo(0.9830);
        // every unrounded disagreement is the publication rounding a value just above a limit: published better
        assertThat(a.disagreements().keySet()).allMatch(k -> k.startsWith("published better"));
    }

    @Test
    void rawValuesRoundedAsPublishedAgreeWithPublishedClass() {
        Agreement a = measure(true);
        System.out.printf("CNEMC water, raw rounded (GB/T 8170): %d/%d = %.4f; disagreements %s%n", a.agree(),
                a.records(), a.rate(), a.disagreements());
        // measured 4282/4284 = 0.99953
        assertThat(a.rate()).isGreaterThanOrEqualTo(0.9993);
        assertThat(a.disagreements().values().stream().mapToInt(Integer::intValue).sum()).isLessThanOrEqualTo(3);
    }

    @ParameterizedTest(name = "{0} / chl a {1} -> {2}")
    @CsvSource({
        "太湖, *, LAKE_RESERVOIR",
        "丹江口水库, '', LAKE_RESERVOIR",
        "石门水库（褒河）, '', LAKE_RESERVOIR",
        "滇池, '', LAKE_RESERVOIR",
        "洱海, '', LAKE_RESERVOIR",
        "白洋淀, '', LAKE_RESERVOIR",
        "海河, '', RIVER",
        "藕池河, '', RIVER",
        "湘家荡, '', RIVER",
        "长江, 0.004, RIVER",
        "'', 0.004, LAKE_RESERVOIR",
        "'', '', RIVER"})
    void lakeHeuristic(String riverName, String chlaRaw, Waterbody expected) {
        assertThat(waterbodyOf(riverName, chlaRaw)).isEqualTo(expected);
    }
}
