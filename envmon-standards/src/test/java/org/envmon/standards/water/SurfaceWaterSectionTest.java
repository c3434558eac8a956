package org.envmon.standards.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envmon.standards.water.WaterValues.values;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Section class, counted items, exceedances (digest §5.2, §5.3). */
class SurfaceWaterSectionTest {

    @Test
    void worstRoutineParameterDecides() {
        SectionClassResult r = SurfaceWaterClassification.classifySection(values(
                WaterParameter.PH, "7.5", WaterParameter.DO, "8", WaterParameter.CODMN, "3.5",
                WaterParameter.NH3N, "0.6", WaterParameter.TP, "0.08"), Waterbody.RIVER);
        assertThat(r.sectionClass()).contains(WaterClass.III);
        assertThat(r.decidingParameters()).containsExactly(WaterParameter.NH3N);
        assertThat(r.classOf(WaterParameter.DO)).contains(WaterClass.I);
        assertThat(r.status()).contains(WaterQualityStatus.GOOD);
        assertThat(r.exceedances()).isEmpty();
        assertThat(r.mainPollutants()).isEmpty();
    }

    @Test
    void tnAndFecalColiformAreClassifiedButDoNotCountInRoutineEvaluation() {
        Map<WaterParameter, BigDecimal> v = values(WaterParameter.CODMN, "1.5", WaterParameter.TN, "5",
                WaterParameter.FECAL_COLIFORM, "100000");
        for (Waterbody wb : Waterbody.values()) {
            SectionClassResult r = SurfaceWaterClassification.classifySection(v, wb);
            assertThat(r.sectionClass()).contains(WaterClass.I);
            assertThat(r.classOf(WaterParameter.TN)).contains(WaterClass.WORSE_THAN_V);
            assertThat(r.classOf(WaterParameter.FECAL_COLIFORM)).contains(WaterClass.WORSE_THAN_V);
            assertThat(r.exceedances()).isEmpty();
            assertThat(r.countedParameters()).containsExactly(WaterParameter.CODMN);
        }
    }

    @Test
    void allItemsScopeCountsTnForLakesOnlyAndFecalColiform() {
        Map<WaterParameter, BigDecimal> v = values(WaterParameter.CODMN, "1.5", WaterParameter.TN, "1.2");
        assertThat(SurfaceWaterClassification.classifySection(v, Waterbody.RIVER, EvaluationScope.ALL_ITEMS)
                .sectionClass()).contains(WaterClass.I);
        SectionClassResult lake = SurfaceWaterClassification.classifySection(v, Waterbody.LAKE_RESERVOIR,
                EvaluationScope.ALL_ITEMS);
        assertThat(lake.sectionClass()).contains(WaterClass.IV);
        assertThat(lake.exceedances()).extracting(Exceedance::parameter).containsExactly(WaterParameter.TN);
        assertThat(SurfaceWaterClassification.classifySection(values(WaterParameter.FECAL_COLIFORM, "20000"),
                Waterbody.RIVER, EvaluationScope.ALL_ITEMS).sectionClass()).contains(WaterClass.IV);
    }

    @Test
    void missingParametersAreSkippedAndNoRoutineParameterMeansNoClass() {
        assertThat(SurfaceWaterClassification.classifySection(Map.of(), Waterbody.RIVER).sectionClass()).isEmpty();
        SectionClassResult onlyTn = SurfaceWaterClassification.classifySection(values(WaterParameter.TN, "0.3"),
                Waterbody.LAKE_RESERVOIR);
        assertThat(onlyTn.sectionClass()).isEmpty();
        assertThat(onlyTn.status()).isEmpty();
        assertThat(onlyTn.classOf(WaterParameter.TN)).contains(WaterClass.II);
        Map<WaterParameter, BigDecimal> withNull = new EnumMap<>(WaterParameter.class);
        withNull.put(WaterParameter.DO, null);
        withNull.put(WaterParameter.NH3N, new BigDecimal("0.1"));
        assertThat(SurfaceWaterClassification.classifySection(withNull, Waterbody.RIVER).parameterClasses())
                .containsOnlyKeys(WaterParameter.NH3N);
    }

    @Test
    void exceedancesLargestFirstWithMultiplesOverClassIii() {
        SectionClassResult r = SurfaceWaterClassification.classifySection(values(
                WaterParameter.PH, "9.5", WaterParameter.DO, "1", WaterParameter.CODMN, "9",
                WaterParameter.NH3N, "3.1", WaterParameter.TP, "0.3", WaterParameter.COD, "22",
                WaterParameter.BOD5, "4"), Waterbody.RIVER);
        assertThat(r.sectionClass()).contains(WaterClass.WORSE_THAN_V);
        assertThat(r.status()).contains(WaterQualityStatus.HEAVILY_POLLUTED);
        // NH3-N (3.1-1)/1 = 2.1; TP (0.3-0.2)/0.2 = 0.5; CODMn (9-6)/6 = 0.5; COD (22-20)/20 = 0.1; BOD5 at III: none
        assertThat(r.exceedances()).extracting(Exceedance::parameter).containsExactly(WaterParameter.NH3N,
                WaterParameter.CODMN, WaterParameter.TP, WaterParameter.COD);
        assertThat(r.exceedances().get(0).multiple(2)).isEqualByComparingTo("2.10");
        assertThat(r.decidingParameters()).containsExactlyInAnyOrder(WaterParameter.PH, WaterParameter.DO,
                WaterParameter.NH3N);
    }

    @Test
    void exceedanceOrderIsByMultipleThenTableOrder() {
        SectionClassResult r = SurfaceWaterClassification.classifySection(values(
                WaterParameter.CODMN, "9", WaterParameter.NH3N, "3.1", WaterParameter.TP, "0.3",
                WaterParameter.COD, "22"), Waterbody.RIVER);
        // NH3-N 2.1 first; TP 0.5 and CODMn 0.5 tie: Table 1 order puts CODMn (item 4) before TP (item 8)
        assertThat(r.exceedances()).extracting(Exceedance::parameter).containsExactly(WaterParameter.NH3N,
                WaterParameter.CODMN, WaterParameter.TP, WaterParameter.COD);
        assertThat(r.exceedances()).extracting(e -> e.multiple(2).toPlainString())
                .containsExactly("2.10", "0.50", "0.50", "0.10");
        assertThat(r.mainPollutants()).extracting(Exceedance::parameter).containsExactly(WaterParameter.NH3N,
                WaterParameter.CODMN, WaterParameter.TP);
        assertThat(r.decidingParameters()).containsExactly(WaterParameter.NH3N);
    }

    @Test
    void exceedanceRoundingIsHalfEvenFromTheExactQuotient() {
        // (0.2025 - 0.2) / 0.2 = 0.0125 -> 0.01 (half-even), not 0.02
        Exceedance e = SurfaceWaterClassification.exceedance(WaterParameter.TP, new BigDecimal("0.2025"),
                Waterbody.RIVER).orElseThrow();
        assertThat(e.multiple(2)).isEqualByComparingTo("0.01");
        assertThat(e.multiple()).isEqualByComparingTo("0.0125");
        // 1/3 stays exact enough and rounds once
        Exceedance third = SurfaceWaterClassification.exceedance(WaterParameter.CODMN, new BigDecimal("8"),
                Waterbody.RIVER).orElseThrow();
        assertThat(third.multiple(2)).isEqualByComparingTo("0.33");
        // lake TP uses the lake class III limit 0.05
        assertThat(SurfaceWaterClassification.exceedance(WaterParameter.TP, new BigDecimal("0.1"),
                Waterbody.LAKE_RESERVOIR).orElseThrow().multiple(2)).isEqualByComparingTo("1.00");
        assertThat(SurfaceWaterClassification.exceedance(WaterParameter.TP, new BigDecimal("0.2"),
                Waterbody.RIVER)).isEmpty();
        assertThat(SurfaceWaterClassification.exceedance(WaterParameter.DO, new BigDecimal("1"),
                Waterbody.RIVER)).isEmpty();
        assertThat(SurfaceWaterClassification.exceedance(WaterParameter.PH, new BigDecimal("10"),
                Waterbody.RIVER)).isEmpty();
    }

    @Test
    void sectionStatusTable() {
        assertThat(SurfaceWaterEvaluation.sectionStatus(WaterClass.I)).isEqualTo(WaterQualityStatus.EXCELLENT);
        assertThat(SurfaceWaterEvaluation.sectionStatus(WaterClass.II)).isEqualTo(WaterQualityStatus.EXCELLENT);
        assertThat(SurfaceWaterEvaluation.sectionStatus(WaterClass.III)).isEqualTo(WaterQualityStatus.GOOD);
        assertThat(SurfaceWaterEvaluation.sectionStatus(WaterClass.IV))
                .isEqualTo(WaterQualityStatus.LIGHTLY_POLLUTED);
        assertThat(SurfaceWaterEvaluation.sectionStatus(WaterClass.V))
                .isEqualTo(WaterQualityStatus.MODERATELY_POLLUTED);
        assertThat(SurfaceWaterEvaluation.sectionStatus(WaterClass.WORSE_THAN_V).label()).isEqualTo("重度污染");
        assertThat(WaterQualityStatus.GOOD.colour()).isEqualTo("green");
    }

    @Test
    void reportedValueRounding() {
        WaterRounding r = WaterRounding.REPORTED;
        assertThat(r.round(WaterParameter.TP, new BigDecimal("0.1005"))).isEqualByComparingTo("0.100");
        assertThat(r.round(WaterParameter.TP, new BigDecimal("0.10051"))).isEqualByComparingTo("0.101");
        assertThat(r.round(WaterParameter.PH, new BigDecimal("9.07"))).isEqualByComparingTo("9");
        assertThat(r.round(WaterParameter.DO, new BigDecimal("5.95"))).isEqualByComparingTo("6.0");
        assertThat(r.round(WaterParameter.HG, new BigDecimal("0.000051"))).isEqualByComparingTo("0.000051");
        assertThat(r.decimals(WaterParameter.HG)).isEmpty();
    }
}
