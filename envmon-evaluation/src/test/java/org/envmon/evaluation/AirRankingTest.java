package org.envmon.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.envmon.evaluation.AirRanking.By;
import org.envmon.evaluation.AirRanking.RankedCity;
import org.envmon.evaluation.AirRanking.Ranking;
import org.envmon.standards.air.AirQualityEvaluation.PeriodEvaluation;
import org.envmon.standards.air.CityRanking;
import org.envmon.standards.air.CompositeIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AirRankingTest {

    static final Map<String, PeriodEvaluation> Y2025 = new HashMap<>();
    static final Map<String, PeriodEvaluation> Y2024 = new HashMap<>();

    static PeriodEvaluation city(String name, int year, long seed) {
        HourGrid g = HourGrid.ofYear(year);
        StationHourSeries s1 = Synthetic.station(name + "1", name, false, g, seed, 0.02);
        StationHourSeries s2 = Synthetic.station(name + "2", name, false, g, seed + 100, 0.02);
        StationDaily d = AirEvaluator.daily(AirEvaluator.cityMean(name, List.of(s1, s2)));
        return AirEvaluator.period(d, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    @BeforeAll
    static void setUp() {
        String[] cities = {"甲", "乙", "丙", "丁"};
        for (int i = 0; i < cities.length; i++) {
            Y2025.put(cities[i], city(cities[i], 2025, i));
            if (i < 3) {
                Y2024.put(cities[i], city(cities[i], 2024, i + 10));
            }
        }
        Y2025.put("戊", Y2025.get("甲")); // a tie
    }

    @Test
    void compositeRankingMatchesCityRankingAndShowsChange() {
        Ranking r = AirRanking.rank(Y2025, Y2024, By.COMPOSITE);
        Map<String, BigDecimal> idx = new HashMap<>();
        Y2025.forEach((c, e) -> idx.put(c, e.composite().total().orElseThrow()));
        List<CityRanking.Entry> ref = CityRanking.rank(idx);
        assertThat(r.ranked()).extracting(RankedCity::city).containsExactlyElementsOf(
                ref.stream().map(CityRanking.Entry::city).toList());
        assertThat(r.ranked()).extracting(RankedCity::rank).containsExactlyElementsOf(
                ref.stream().map(CityRanking.Entry::rank).toList());
        RankedCity jia = r.ranked().stream().filter(x -> x.city().equals("甲")).findFirst().orElseThrow();
        RankedCity wu = r.ranked().stream().filter(x -> x.city().equals("戊")).findFirst().orElseThrow();
        assertThat(jia.rank()).isEqualTo(wu.rank());
        assertThat(jia.change()).contains(CityRanking.changeRate(jia.value(), jia.previous().orElseThrow()));
        assertThat(wu.previous()).isEmpty(); // no data for the previous year
        assertThat(r.unranked()).isEmpty();
    }

    @Test
    void goodDaysRankDescendingPm25Ascending() {
        Ranking g = AirRanking.rank(Y2025, Y2024, By.parse("good_days"));
        for (int i = 1; i < g.ranked().size(); i++) {
            assertThat(g.ranked().get(i).value()).isLessThanOrEqualTo(g.ranked().get(i - 1).value());
        }
        RankedCity first = g.ranked().get(0);
        if (first.previous().isPresent()) {
            assertThat(first.change()).contains(first.value().subtract(first.previous().get()));
        }
        Ranking p = AirRanking.rank(Y2025, null, By.PM25);
        for (int i = 1; i < p.ranked().size(); i++) {
            assertThat(p.ranked().get(i).value()).isGreaterThanOrEqualTo(p.ranked().get(i - 1).value());
        }
        assertThat(p.ranked().get(0).change()).isEmpty();
    }

    @Test
    void weightedCompositeAndUnrankedCities() {
        Ranking w = AirRanking.rank(Y2025, Y2024, By.COMPOSITE, CompositeIndex.Weights.RANKING_2018);
        PeriodEvaluation e = Y2025.get("甲");
        BigDecimal expected = CompositeIndex.compute(e.stage(), AirRanking.compositeInputs(e),
                CompositeIndex.Weights.RANKING_2018).total().orElseThrow();
        assertThat(w.ranked().stream().filter(x -> x.city().equals("甲")).findFirst().orElseThrow().value())
                .isEqualTo(expected);
        // a city with no data at all has no composite index: listed as unranked
        HourGrid g = HourGrid.ofYear(2025);
        StationDaily empty = AirEvaluator.daily(StationHourSeries.builder("Z1", "Z", false, g).build());
        Map<String, PeriodEvaluation> m = new HashMap<>(Y2025);
        m.put("Z", AirEvaluator.period(empty, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));
        assertThat(AirRanking.rank(m, null, By.COMPOSITE).unranked()).containsExactly("Z");
    }
}
