package org.envmon.standards.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** River/basin status from shares of classes, and the fewer-than-5 rule (digest §5.3). */
class SurfaceWaterEvaluationTest {

    /** good = I–III sections, mid = IV/V sections, bad = 劣V sections. */
    private static List<WaterClass> sections(int good, int mid, int bad) {
        List<WaterClass> l = new ArrayList<>();
        l.addAll(Collections.nCopies(good, WaterClass.II));
        l.addAll(Collections.nCopies(mid, WaterClass.IV));
        l.addAll(Collections.nCopies(bad, WaterClass.WORSE_THAN_V));
        return l;
    }

    @ParameterizedTest(name = "I-III {0}, IV-V {1}, 劣V {2} -> {3}")
    @CsvSource({
        "9, 1, 0, 优",            // 90% exactly
        "10, 0, 0, 优",
        "89, 11, 0, 良好",        // 89%
        "15, 5, 0, 良好",         // 75% exactly
        "149, 51, 0, 轻度污染",   // 74.5%
        "14, 3, 3, 轻度污染",     // 70%, 劣V 15%
        "0, 5, 0, 轻度污染",
        "14, 2, 4, 中度污染",     // 劣V 20% exactly
        "10, 4, 6, 中度污染",     // 劣V 30%
        "100, 21, 79, 中度污染",  // 劣V 39.5%
        "11, 1, 8, 重度污染",     // I-III 55% < 60%, 劣V 40% exactly
        "11, 0, 9, 重度污染",     // 劣V 45%
        "0, 0, 5, 重度污染",
        "3, 0, 2, undetermined",  // I-III 60%, 劣V 40%: the gap
        "13, 0, 7, 中度污染",     // I-III 65%, 劣V 35%
        "6, 0, 4, undetermined"}) // the gap again; it is only this point (shares add up to 100%)
    void shareTable(int good, int mid, int bad, String expected) {
        GroupEvaluation g = SurfaceWaterEvaluation.evaluateByShares(sections(good, mid, bad));
        assertThat(g.method()).isEqualTo(GroupEvaluation.Method.SHARES);
        assertThat(g.status().map(WaterQualityStatus::label).orElse("undetermined")).isEqualTo(expected);
    }

    @Test
    void explicitRows() {
        assertThat(SurfaceWaterEvaluation.evaluateByShares(sections(9, 1, 0)).status())
                .contains(WaterQualityStatus.EXCELLENT);
        assertThat(SurfaceWaterEvaluation.evaluateByShares(sections(15, 5, 0)).status())
                .contains(WaterQualityStatus.GOOD);
        // 劣V 45% with I-III 55%: heavy
        assertThat(SurfaceWaterEvaluation.evaluateByShares(sections(11, 0, 9)).status())
                .contains(WaterQualityStatus.HEAVILY_POLLUTED);
        // 劣V 39.5% (79/200) stays moderate
        assertThat(SurfaceWaterEvaluation.evaluateByShares(sections(100, 21, 79)).status())
                .contains(WaterQualityStatus.MODERATELY_POLLUTED);
    }

    @Test
    void theGapIsUndetermined() {
        // 5 sections: 3 good (60%), 2 劣V (40%): I-III not < 60% and 劣V not < 40%: no row applies
        GroupEvaluation g = SurfaceWaterEvaluation.evaluateByShares(sections(3, 0, 2));
        assertThat(g.undetermined()).isTrue();
        assertThat(g.status()).isEmpty();
        assertThat(g.shareAtLeastIIIPercent(1)).isEqualByComparingTo("60.0");
        assertThat(g.shareWorseThanVPercent(1)).isEqualByComparingTo("40.0");
        // 70% good, 30%... cannot have 劣V ≥ 40% too; 13/20 good + 7/20 劣V = 65% / 35% is moderate
        assertThat(SurfaceWaterEvaluation.evaluateByShares(sections(13, 0, 7)).status())
                .contains(WaterQualityStatus.MODERATELY_POLLUTED);
    }

    @Test
    void sharesNeedFiveSections() {
        assertThatThrownBy(() -> SurfaceWaterEvaluation.evaluateByShares(sections(4, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        GroupEvaluation g = SurfaceWaterEvaluation.evaluateByShares(sections(2, 2, 1));
        assertThat(g.sections()).isEqualTo(5);
        assertThat(g.counts().get(WaterClass.II)).isEqualTo(2);
        assertThat(g.counts().get(WaterClass.I)).isZero();
        assertThat(g.countAtLeastIII()).isEqualTo(2);
    }

    @Test
    void fewerThanFiveSectionsUseMeanConcentrations() {
        // two sections: NH3-N 0.9 (III) and 1.2 (IV); mean 1.05 -> IV; TP 0.05 and 0.15 -> mean 0.1 -> II
        List<Map<WaterParameter, BigDecimal>> s = List.of(
                Map.of(WaterParameter.NH3N, new BigDecimal("0.9"), WaterParameter.TP, new BigDecimal("0.05")),
                Map.of(WaterParameter.NH3N, new BigDecimal("1.2"), WaterParameter.TP, new BigDecimal("0.15")));
        GroupEvaluation g = SurfaceWaterEvaluation.evaluateSections(s, Waterbody.RIVER);
        assertThat(g.method()).isEqualTo(GroupEvaluation.Method.MEAN_CONCENTRATION);
        SectionClassResult mean = g.meanConcentrationResult().orElseThrow();
        assertThat(mean.sectionClass()).contains(WaterClass.IV);
        assertThat(mean.classOf(WaterParameter.TP)).contains(WaterClass.II);
        assertThat(g.status()).contains(WaterQualityStatus.LIGHTLY_POLLUTED);
        assertThat(g.counts().get(WaterClass.III)).isEqualTo(1);
        assertThat(g.counts().get(WaterClass.IV)).isEqualTo(1);
        // items averaged over the sections that report them
        Map<WaterParameter, BigDecimal> means = SurfaceWaterEvaluation.meanConcentrations(List.of(
                Map.of(WaterParameter.DO, new BigDecimal("4")),
                Map.of(WaterParameter.DO, new BigDecimal("7"), WaterParameter.CODMN, new BigDecimal("3"))));
        assertThat(means.get(WaterParameter.DO)).isEqualByComparingTo("5.5");
        assertThat(means.get(WaterParameter.CODMN)).isEqualByComparingTo("3");
    }

    @Test
    void fiveOrMoreSectionsUseShares() {
        Map<WaterParameter, BigDecimal> good = Map.of(WaterParameter.NH3N, new BigDecimal("0.3"));
        Map<WaterParameter, BigDecimal> bad = Map.of(WaterParameter.NH3N, new BigDecimal("2.5"));
        GroupEvaluation g = SurfaceWaterEvaluation.evaluateSections(List.of(good, good, good, good, bad),
                Waterbody.RIVER);
        assertThat(g.method()).isEqualTo(GroupEvaluation.Method.SHARES);
        assertThat(g.status()).contains(WaterQualityStatus.GOOD); // 80%
    }
}
