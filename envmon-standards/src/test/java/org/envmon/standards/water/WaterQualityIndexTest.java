package org.envmon.standards.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** CWQI, 环办监测〔2017〕51号 (digest §5.4). */
class WaterQualityIndexTest {

    @ParameterizedTest(name = "{0}={1} {2} -> {3}")
    @CsvSource({
        "ph, 7, river, 0", "ph, 6, river, 1", "ph, 6.5, river, 0.5", "ph, 9, river, 1", "ph, 8, river, 0.5",
        "ph, 7.5, lake, 0.25", "ph, 10, river, 1.5",
        "do, 5, river, 1", "do, 10, river, 0.5", "do, 2.5, river, 2",
        "codmn, 6, river, 1", "codmn, 3, river, 0.5", "nh3n, 1.5, river, 1.5",
        "tp, 0.05, river, 0.25", "tp, 0.05, lake, 1", "tp, 0.2, river, 1", "tp, 0.2, lake, 4",
        "hg, 0.00005, river, 0.5", "fecal_coliform, 1, river, -1"})
    void itemIndex(String column, String value, String body, String expected) {
        WaterParameter p = WaterParameter.fromColumn(column).orElseThrow();
        Waterbody wb = Waterbody.parse(body).orElseThrow();
        if (expected.equals("-1")) {
            assertThatThrownBy(() -> WaterQualityIndex.itemIndex(p, new BigDecimal(value), wb))
                    .isInstanceOf(IllegalArgumentException.class);
            return;
        }
        assertThat(WaterQualityIndex.itemIndex(p, new BigDecimal(value), wb)).isEqualByComparingTo(expected);
    }

    @Test
    void sectionIndexIsTheSumOverRoutineItemsGiven() {
        Map<WaterParameter, BigDecimal> v = new EnumMap<>(WaterParameter.class);
        v.put(WaterParameter.PH, new BigDecimal("8"));      // 0.5
        v.put(WaterParameter.DO, new BigDecimal("10"));     // 0.5
        v.put(WaterParameter.CODMN, new BigDecimal("3"));   // 0.5
        v.put(WaterParameter.NH3N, new BigDecimal("0.5"));  // 0.5
        v.put(WaterParameter.TP, new BigDecimal("0.1"));    // river 0.5, lake 2
        v.put(WaterParameter.TN, new BigDecimal("5"));      // ignored
        v.put(WaterParameter.FECAL_COLIFORM, new BigDecimal("50000")); // ignored
        assertThat(WaterQualityIndex.sectionIndex(v, Waterbody.RIVER)).isEqualByComparingTo("2.5");
        assertThat(WaterQualityIndex.sectionIndex(v, Waterbody.LAKE_RESERVOIR)).isEqualByComparingTo("4.0");
        assertThat(WaterQualityIndex.itemIndices(v, Waterbody.RIVER)).hasSize(5);
    }

    @Test
    void fullPrecisionUntilDisplay() {
        // DO 3 -> 5/3 = 1.666…; display 1.67
        BigDecimal i = WaterQualityIndex.itemIndex(WaterParameter.DO, new BigDecimal("3"), Waterbody.RIVER);
        assertThat(i.precision()).isEqualTo(34);
        assertThat(WaterQualityIndex.display(i)).isEqualByComparingTo("1.67");
        assertThat(WaterQualityIndex.display(new BigDecimal("2.125"))).isEqualByComparingTo("2.12");
        assertThatThrownBy(() -> WaterQualityIndex.itemIndex(WaterParameter.DO, BigDecimal.ZERO, Waterbody.RIVER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cityMeanAndRanking() {
        assertThat(WaterQualityIndex.cityIndex(List.of(new BigDecimal("3"), new BigDecimal("4"),
                new BigDecimal("5.5")))).isEqualByComparingTo("4.166666666666666666666666666666667");
        Map<String, BigDecimal> cities = new LinkedHashMap<>();
        cities.put("C", new BigDecimal("5.1"));
        cities.put("A", new BigDecimal("3.2"));
        cities.put("B", new BigDecimal("3.20"));
        cities.put("D", new BigDecimal("4"));
        List<WaterQualityIndex.Ranked> r = WaterQualityIndex.rank(cities);
        assertThat(r).extracting(WaterQualityIndex.Ranked::city).containsExactly("A", "B", "D", "C");
        assertThat(r).extracting(WaterQualityIndex.Ranked::rank).containsExactly(1, 1, 3, 4);
    }
}
