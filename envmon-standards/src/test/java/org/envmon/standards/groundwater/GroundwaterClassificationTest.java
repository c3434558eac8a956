package org.envmon.standards.groundwater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** GB/T 14848-2017 boundaries (digest §8.1), expected classes from the digest table typed again here. */
class GroundwaterClassificationTest {

    private static final Map<String, String> DIGEST = Map.ofEntries(
            Map.entry("total_hardness", "150 300 450 650"), Map.entry("tds", "300 500 1000 2000"),
            Map.entry("sulfate", "50 150 250 350"), Map.entry("chloride", "50 150 250 350"),
            Map.entry("fe", "0.1 0.2 0.3 2.0"), Map.entry("mn", "0.05 0.05 0.10 1.50"),
            Map.entry("codmn", "1.0 2.0 3.0 10.0"), Map.entry("nh3n", "0.02 0.10 0.50 1.50"),
            Map.entry("nitrate", "2.0 5.0 20.0 30.0"), Map.entry("nitrite", "0.01 0.10 1.00 4.80"),
            Map.entry("f", "1.0 1.0 1.0 2.0"), Map.entry("as", "0.001 0.001 0.01 0.05"),
            Map.entry("hg", "0.0001 0.0001 0.001 0.002"), Map.entry("cd", "0.0001 0.001 0.005 0.01"),
            Map.entry("cr6", "0.005 0.01 0.05 0.10"), Map.entry("pb", "0.005 0.005 0.01 0.10"),
            Map.entry("total_coliforms", "3.0 3.0 3.0 100"), Map.entry("total_bacteria", "100 100 100 1000"));
    private static final BigDecimal EPS = new BigDecimal("1E-9");

    static Stream<Arguments> boundaries() {
        List<Arguments> out = new ArrayList<>();
        DIGEST.forEach((col, row) -> {
            List<BigDecimal> limits = Stream.of(row.split(" ")).map(BigDecimal::new).toList();
            for (BigDecimal l : limits) {
                for (BigDecimal v : List.of(l.subtract(EPS), l, l.add(EPS))) {
                    GroundwaterClass expected = GroundwaterClass.V;
                    for (int i = 0; i < 4; i++) {
                        if (v.compareTo(limits.get(i)) <= 0) {
                            expected = GroundwaterClass.values()[i];
                            break;
                        }
                    }
                    out.add(Arguments.of(col, v, expected));
                }
            }
        });
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("boundaries")
    void everyLimit(String column, BigDecimal value, GroundwaterClass expected) {
        GroundwaterIndicator i = GroundwaterIndicator.fromColumn(column).orElseThrow();
        assertThat(GroundwaterClassification.classify(i, value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "pH {0} -> {1}")
    @CsvSource({"6.5, I", "8.5, I", "7, I", "6.49, IV", "5.5, IV", "5.49, V", "8.51, IV", "9.0, IV", "9.01, V",
        "0, V", "12, V"})
    void ph(String value, GroundwaterClass expected) {
        assertThat(GroundwaterClassification.classify(GroundwaterIndicator.PH, new BigDecimal(value)))
                .isEqualTo(expected);
    }

    @Test
    void namedCasesAndOverall() {
        assertThat(GroundwaterClassification.classify(GroundwaterIndicator.MN, new BigDecimal("0.05")))
                .isEqualTo(GroundwaterClass.I); // I = II share 0.05: better class
        assertThat(GroundwaterClassification.classify(GroundwaterIndicator.NH3N, new BigDecimal("1.51")))
                .isEqualTo(GroundwaterClass.V);
        GroundwaterResult r = GroundwaterClassification.classify(Map.of(
                GroundwaterIndicator.PH, new BigDecimal("7.2"), GroundwaterIndicator.NITRATE, new BigDecimal("21"),
                GroundwaterIndicator.FE, new BigDecimal("0.25")));
        assertThat(r.overall()).contains(GroundwaterClass.IV);
        assertThat(r.decidingIndicators()).containsExactly(GroundwaterIndicator.NITRATE);
        assertThat(r.indicatorClasses().get(GroundwaterIndicator.FE)).isEqualTo(GroundwaterClass.III);
        assertThat(GroundwaterClassification.classify(Map.of()).overall()).isEmpty();
        assertThatThrownBy(() -> GroundwaterClassification.classify(GroundwaterIndicator.FE, new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(GroundwaterClassification.limits(GroundwaterIndicator.TDS)).hasSize(4);
    }
}
