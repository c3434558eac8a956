package org.envmon.standards.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.envmon.standards.water.WaterValues.values;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WaterRoundingTest {

    @Test
    void theSectionEntryPointClassesTheReportedValues() {
        // real: values just above a limit that the publication classes one class better (GB/T 8170 half-even)
        Map<WaterParameter, BigDecimal> v = values(WaterParameter.PH, "9.0019", WaterParameter.DO, "5.95",
                WaterParameter.CODMN, "4.03", WaterParameter.NH3N, "0.1549", WaterParameter.TP, "0.1005");
        SectionClassResult none = SurfaceWaterClassification.classifySection(v, Waterbody.RIVER, WaterRounding.NONE);
        SectionClassResult reported = SurfaceWaterClassification.classifySection(v, Waterbody.RIVER,
                WaterRounding.REPORTED);
        assertThat(none.sectionClass()).contains(WaterClass.WORSE_THAN_V); // pH 9.0019 > 9
        assertThat(none.classOf(WaterParameter.DO)).contains(WaterClass.III);
        assertThat(none.classOf(WaterParameter.CODMN)).contains(WaterClass.III);
        assertThat(none.classOf(WaterParameter.NH3N)).contains(WaterClass.II);
        assertThat(none.classOf(WaterParameter.TP)).contains(WaterClass.III);
        assertThat(reported.sectionClass()).contains(WaterClass.II);
        assertThat(reported.classOf(WaterParameter.PH)).contains(WaterClass.I);
        assertThat(reported.classOf(WaterParameter.NH3N)).contains(WaterClass.I); // 0.15
        assertThat(reported.values()).containsEntry(WaterParameter.TP, new BigDecimal("0.100"))
                .containsEntry(WaterParameter.PH, new BigDecimal("9"));
        assertThat(none.values()).isEqualTo(v);
        // the 2-argument entry point is the standard as written: values as given
        assertThat(SurfaceWaterClassification.classifySection(v, Waterbody.RIVER).sectionClass())
                .isEqualTo(none.sectionClass());
    }

    @Test
    void exceedancesUseTheValuesAsClassed() {
        Map<WaterParameter, BigDecimal> v = values(WaterParameter.NH3N, "2.004", WaterParameter.TP, "0.4004");
        SectionClassResult r = SurfaceWaterClassification.classifySection(v, Waterbody.RIVER, WaterRounding.REPORTED);
        assertThat(r.sectionClass()).contains(WaterClass.V);
        // both multiples 1.0 on the reported values (tie: Table 1 order)
        assertThat(r.exceedances()).extracting(Exceedance::value)
                .containsExactly(new BigDecimal("2.00"), new BigDecimal("0.400"));
    }

    @Test
    void invalidRawValuesAreRejectedBeforeRounding() {
        assertThatThrownBy(() -> SurfaceWaterClassification.classifySection(values(WaterParameter.TP, "-0.0001"),
                Waterbody.RIVER, WaterRounding.REPORTED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SurfaceWaterClassification.classifySection(values(WaterParameter.PH, "14.2"),
                Waterbody.RIVER, WaterRounding.REPORTED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overridesPerItem() {
        WaterRounding r = WaterRounding.of(WaterRounding.Mode.REPORTED,
                mapOf(WaterParameter.PH, 2, WaterParameter.CODMN, null, WaterParameter.HG, 5));
        assertThat(r.decimals(WaterParameter.PH)).hasValue(2);
        assertThat(r.decimals(WaterParameter.CODMN)).isEmpty();
        assertThat(r.decimals(WaterParameter.TP)).hasValue(3);
        assertThat(r.round(WaterParameter.HG, new BigDecimal("0.0000505"))).isEqualByComparingTo("0.00005");
        assertThat(r.toString()).isEqualTo("reported {ph=2, do=1, nh3n=2, tp=3, tn=2, hg=5}");
        WaterRounding onlyTp = WaterRounding.NONE.withDecimals(WaterParameter.TP, 3);
        assertThat(onlyTp.decimals()).containsOnlyKeys(WaterParameter.TP);
        assertThat(WaterRounding.of(WaterRounding.Mode.NONE)).isSameAs(WaterRounding.NONE);
        assertThat(WaterRounding.of(WaterRounding.Mode.REPORTED, Map.of())).isEqualTo(WaterRounding.REPORTED);
        assertThatThrownBy(() -> WaterRounding.NONE.withDecimals(WaterParameter.TP, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(WaterRounding.Mode.parse(" Reported ")).isEqualTo(WaterRounding.Mode.REPORTED);
        assertThatThrownBy(() -> WaterRounding.Mode.parse("half-up")).hasMessageContaining("reported or none");
    }

    @Test
    void groupMeansAreRoundedOnceFromTheExactMean() {
        // three sections, TP 0.2004 each: the mean 0.2004 is reported 0.200, class III (unrounded IV)
        List<Map<WaterParameter, BigDecimal>> s = List.of(values(WaterParameter.TP, "0.2004"),
                values(WaterParameter.TP, "0.2004"), values(WaterParameter.TP, "0.2004"));
        assertThat(SurfaceWaterEvaluation.evaluateSections(s, Waterbody.RIVER, WaterRounding.REPORTED)
                .meanConcentrationResult().orElseThrow().sectionClass()).contains(WaterClass.III);
        assertThat(SurfaceWaterEvaluation.evaluateSections(s, Waterbody.RIVER).meanConcentrationResult()
                .orElseThrow().sectionClass()).contains(WaterClass.IV);
    }

    private static Map<WaterParameter, Integer> mapOf(Object... pd) {
        Map<WaterParameter, Integer> m = new HashMap<>();
        for (int i = 0; i < pd.length; i += 2) {
            m.put((WaterParameter) pd[i], (Integer) pd[i + 1]);
        }
        return m;
    }
}
