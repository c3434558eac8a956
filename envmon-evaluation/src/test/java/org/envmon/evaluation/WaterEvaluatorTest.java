package org.envmon.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.envmon.evaluation.WaterEvaluator.SectionMonth;
import org.envmon.standards.water.GroupEvaluation;
import org.envmon.standards.water.SurfaceWaterClassification;
import org.envmon.standards.water.WaterClass;
import org.envmon.standards.water.WaterParameter;
import org.envmon.standards.water.WaterQualityIndex;
import org.envmon.standards.water.WaterQualityStatus;
import org.envmon.standards.water.WaterRounding;
import org.envmon.standards.water.Waterbody;
import org.envmon.store.Interval;
import org.envmon.store.Medium;
import org.envmon.store.Observation;
import org.envmon.store.Site;
import org.envmon.store.Statistic;
import org.junit.jupiter.api.Test;

class WaterEvaluatorTest {

    static final YearMonth MAY = YearMonth.of(2025, 5);

    static Site section(String code, String city, String basin, boolean control) {
        return new Site(code, code, Medium.SURFACE_WATER, "MN" + code, null, "P", city, null, basin, null, null,
                control);
    }

    static Observation obs(String site, String code, String time, double v, boolean valid, Boolean reviewed) {
        Instant t = Instant.parse(time);
        return new Observation(site, code, Interval.HOUR, Statistic.VALUE, t, v, "N", t, 1, valid, null, reviewed);
    }

    static SectionMonth month(String code, Waterbody wb, double nh3n, double tp, double dO) {
        return WaterEvaluator.monthly(code, wb, MAY, Map.of(WaterParameter.NH3N, List.of(BigDecimal.valueOf(nh3n)),
                WaterParameter.TP, List.of(BigDecimal.valueOf(tp)), WaterParameter.DO, List.of(BigDecimal.valueOf(dO)),
                WaterParameter.PH, List.of(new BigDecimal("7.5"))), 1);
    }

    @Test
    void monthlyClassIsTheSingleFactorClassOfTheMonthlyMeans() {
        Site s = section("W1", "南京", "长江", false);
        List<Observation> obs = List.of(
                obs("W1", "w21003", "2025-05-01T00:00:00Z", 0.40, true, null),
                obs("W1", "w21003", "2025-05-02T00:00:00Z", 0.80, true, null),   // mean 0.6 -> III
                obs("W1", "w21003", "2025-05-03T00:00:00Z", 9.00, false, null),  // QC invalid: ignored
                obs("W1", "w21003", "2025-05-04T00:00:00Z", 9.00, true, false),  // reviewed invalid: ignored
                obs("W1", "w21003", "2025-04-30T15:00:00Z", 9.00, true, null),   // 2025-04-30 23:00 Beijing: April
                obs("W1", "w21011", "2025-04-30T16:00:00Z", 0.05, true, null),   // 2025-05-01 00:00 Beijing: May
                obs("W1", "w21011", "2025-05-10T00:00:00Z", 0.15, true, true),   // TP mean 0.10 -> II (river)
                obs("W1", "w01009", "2025-05-10T00:00:00Z", 8.0, true, null),    // DO -> I
                obs("W1", "w01001", "2025-05-10T00:00:00Z", 7.2, true, null),
                obs("W1", "w01001", "2025-05-11T00:00:00Z", 8.0, true, null),    // pH mean 7.6 -> I
                obs("W1", "w21001", "2025-05-10T00:00:00Z", 5.0, true, null),    // TN: classified, not counted
                obs("W1", "a34004", "2025-05-10T00:00:00Z", 5.0, true, null));   // not a water item
        SectionMonth m = WaterEvaluator.monthly(s, Waterbody.RIVER, MAY, obs, 1);
        assertThat(m.means().get(WaterParameter.NH3N)).isEqualByComparingTo("0.6");
        assertThat(m.counts().get(WaterParameter.NH3N)).isEqualTo(2);
        assertThat(m.means().get(WaterParameter.TP)).isEqualByComparingTo("0.10");
        assertThat(m.means().get(WaterParameter.PH)).isEqualByComparingTo("7.6");
        assertThat(m.waterClass()).contains(WaterClass.III);
        assertThat(m.result().classOf(WaterParameter.TN)).contains(WaterClass.WORSE_THAN_V);
        assertThat(m.result().decidingParameters()).containsExactly(WaterParameter.NH3N);
        // same answer as the standards library on the means, reported as the national publication rounds them
        assertThat(m.rounding()).isEqualTo(WaterRounding.REPORTED);
        assertThat(m.result().sectionClass()).isEqualTo(SurfaceWaterClassification.classifySection(m.means(),
                Waterbody.RIVER, WaterRounding.REPORTED).sectionClass());
        assertThat(m.reported()).containsEntry(WaterParameter.PH, new BigDecimal("8"))
                .containsEntry(WaterParameter.NH3N, new BigDecimal("0.60"));
        assertThat(m.cwqi().get()).isEqualByComparingTo(WaterQualityIndex.sectionIndex(m.reported(),
                Waterbody.RIVER));
        // lake: TP 0.10 is class IV under the lake table
        assertThat(WaterEvaluator.monthly(s, Waterbody.LAKE_RESERVOIR, MAY, obs, 1).waterClass())
                .contains(WaterClass.IV);
        // a quorum of 3 values per parameter leaves only nothing with 3 values: no class
        assertThat(WaterEvaluator.monthly(s, Waterbody.RIVER, MAY, obs, 3).waterClass()).isEmpty();
    }

    @Test
    void metalsReportedInMicrogramsAreClassifiedInMilligrams() {
        Site s = section("W1", "南京", "长江", false);
        // Hg 0.08 µg/L = 0.00008 mg/L: class III (<= 0.0001); Pb 12 µg/L = 0.012 mg/L: class III (<= 0.05 for III,
        // 0.01 for I/II); Cu in mg/L as the catalogue gives it.
        List<Observation> obs = List.of(
                obs("W1", "w20111", "2025-05-01T00:00:00Z", 0.08, true, null),
                obs("W1", "w20120", "2025-05-01T00:00:00Z", 12, true, null),
                obs("W1", "w20122", "2025-05-01T00:00:00Z", 0.005, true, null));
        SectionMonth m = WaterEvaluator.monthly(s, Waterbody.RIVER, MAY, obs, 1);
        assertThat(m.means().get(WaterParameter.HG)).isEqualByComparingTo("0.00008");
        assertThat(m.means().get(WaterParameter.PB)).isEqualByComparingTo("0.012");
        assertThat(m.means().get(WaterParameter.CU)).isEqualByComparingTo("0.005");
        assertThat(m.result().classOf(WaterParameter.HG)).contains(WaterClass.III);
        assertThat(m.result().classOf(WaterParameter.PB)).contains(WaterClass.III);
        assertThat(WaterEvaluator.toStandardUnit("w21003", 0.5)).isEqualByComparingTo("0.5");
    }

    @Test
    void basinByShares() {
        List<SectionMonth> l = new ArrayList<>();
        l.add(month("S1", Waterbody.RIVER, 0.1, 0.05, 8)); // I
        l.add(month("S2", Waterbody.RIVER, 0.4, 0.05, 8)); // II
        l.add(month("S3", Waterbody.RIVER, 0.9, 0.05, 8)); // III
        l.add(month("S4", Waterbody.RIVER, 1.2, 0.05, 8)); // IV
        l.add(month("S5", Waterbody.RIVER, 3.0, 0.05, 8)); // 劣V
        GroupEvaluation g = WaterEvaluator.evaluateGroup(l).orElseThrow();
        assertThat(g.method()).isEqualTo(GroupEvaluation.Method.SHARES);
        assertThat(g.countAtLeastIII()).isEqualTo(3);
        // 60 % I-III, 20 % 劣V -> 中度污染
        assertThat(g.status()).contains(WaterQualityStatus.MODERATELY_POLLUTED);
        Map<String, Site> sites = Map.of("S1", section("S1", "A", "淮河", false), "S2", section("S2", "A", "淮河",
                false), "S3", section("S3", "B", "淮河", false), "S4", section("S4", "B", "海河", false), "S5",
                section("S5", "B", "海河", true));
        Function<String, Site> f = sites::get;
        Map<String, GroupEvaluation> byBasin = WaterEvaluator.evaluateGroups(l, f, Site::basin);
        assertThat(byBasin.keySet()).containsExactly("海河", "淮河");
        assertThat(byBasin.get("淮河").method()).isEqualTo(GroupEvaluation.Method.MEAN_CONCENTRATION);
        // mean NH3-N (0.1 + 0.4 + 0.9) / 3 = 0.4667 -> II
        assertThat(byBasin.get("淮河").status()).contains(WaterQualityStatus.EXCELLENT);
        // mean NH3-N (1.2 + 3.0) / 2 = 2.1 > 2.0 -> 劣V
        assertThat(byBasin.get("海河").status()).contains(WaterQualityStatus.HEAVILY_POLLUTED);
    }

    @Test
    void cwqiRankingOfCitiesExcludesControlSections() {
        List<SectionMonth> l = List.of(month("S1", Waterbody.RIVER, 0.1, 0.05, 8),
                month("S2", Waterbody.RIVER, 1.9, 0.3, 4), month("S3", Waterbody.RIVER, 0.5, 0.1, 6),
                month("S4", Waterbody.RIVER, 9.0, 0.9, 1));
        Map<String, Site> sites = Map.of("S1", section("S1", "A", "x", false), "S2", section("S2", "A", "x", false),
                "S3", section("S3", "B", "x", false), "S4", section("S4", "B", "x", true));
        List<WaterQualityIndex.Ranked> r = WaterEvaluator.rankCities(l, sites::get);
        assertThat(r).extracting(WaterQualityIndex.Ranked::city).containsExactly("B", "A");
        BigDecimal a = WaterQualityIndex.cityIndex(List.of(l.get(0).cwqi().get(), l.get(1).cwqi().get()));
        assertThat(r.get(1).index()).isEqualByComparingTo(a);
        assertThat(r.get(0).index()).isEqualByComparingTo(WaterQualityIndex.cityIndex(List.of(l.get(2).cwqi().get())));
    }

    @Test
    void theDeploymentsRoundingDecidesClassCwqiAndGroups() {
        Site s = section("W1", "南京", "长江", false);
        // a month of TP 0.2004 and 0.2005 (mean 0.20045): reported 0.200, class III; unrounded IV
        List<Observation> obs = List.of(obs("W1", "w21011", "2025-05-01T00:00:00Z", 0.2004, true, null),
                obs("W1", "w21011", "2025-05-02T00:00:00Z", 0.2005, true, null),
                obs("W1", "w01009", "2025-05-02T00:00:00Z", 5.96, true, null));
        SectionMonth reported = WaterEvaluator.monthly(s, Waterbody.RIVER, MAY, obs, 1, WaterRounding.REPORTED);
        SectionMonth none = WaterEvaluator.monthly(s, Waterbody.RIVER, MAY, obs, 1, WaterRounding.NONE);
        assertThat(reported.waterClass()).contains(WaterClass.III);
        assertThat(reported.reported()).containsEntry(WaterParameter.TP, new BigDecimal("0.200"))
                .containsEntry(WaterParameter.DO, new BigDecimal("6.0"));
        assertThat(reported.result().classOf(WaterParameter.DO)).contains(WaterClass.II);
        assertThat(none.waterClass()).contains(WaterClass.IV);
        assertThat(none.result().mainPollutants()).extracting(e -> e.parameter()).containsExactly(WaterParameter.TP);
        assertThat(reported.result().mainPollutants()).isEmpty();
        // CWQI from the reported values: TP 0.200/0.2 + DO 5/6.0
        assertThat(reported.cwqi().get()).isEqualByComparingTo(BigDecimal.ONE.add(
                new BigDecimal("5").divide(new BigDecimal("6.0"), java.math.MathContext.DECIMAL128)));
        // a group of one: the mean is rounded by the sections' policy
        assertThat(WaterEvaluator.evaluateGroup(List.of(reported)).orElseThrow().status())
                .contains(WaterQualityStatus.GOOD);
        assertThat(WaterEvaluator.evaluateGroup(List.of(none)).orElseThrow().status())
                .contains(WaterQualityStatus.LIGHTLY_POLLUTED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WaterEvaluator.evaluateGroup(List.of(reported,
                WaterEvaluator.monthly(section("W2", "南京", "长江", false), Waterbody.RIVER, MAY, List.of(
                        obs("W2", "w21011", "2025-05-01T00:00:00Z", 0.1, true, null)), 1, WaterRounding.NONE))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
