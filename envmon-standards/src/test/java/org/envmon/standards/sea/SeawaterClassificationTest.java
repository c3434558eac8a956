package org.envmon.standards.sea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GB 3097-1997 boundaries (digest §8.2). */
class SeawaterClassificationTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        // DO strictly greater than the limit
        "DO, 6.01, CLASS_1", "DO, 6, CLASS_2", "DO, 5.01, CLASS_2", "DO, 5, CLASS_3", "DO, 4, CLASS_4",
        "DO, 3.01, CLASS_4", "DO, 3, WORSE_THAN_4", "DO, 0, WORSE_THAN_4",
        // pH: 1–2 share 7.8–8.5, 3–4 share 6.8–8.8, inclusive
        "PH, 7.8, CLASS_1", "PH, 8.5, CLASS_1", "PH, 7.79, CLASS_3", "PH, 8.51, CLASS_3", "PH, 6.8, CLASS_3",
        "PH, 8.8, CLASS_3", "PH, 6.79, WORSE_THAN_4", "PH, 8.81, WORSE_THAN_4",
        // "≤" items: just below, at, just above
        "COD, 2, CLASS_1", "COD, 2.01, CLASS_2", "COD, 3, CLASS_2", "COD, 4, CLASS_3", "COD, 5, CLASS_4",
        "COD, 5.01, WORSE_THAN_4", "BOD5, 1, CLASS_1", "BOD5, 1.01, CLASS_2",
        "DIN, 0.20, CLASS_1", "DIN, 0.2001, CLASS_2", "DIN, 0.30, CLASS_2", "DIN, 0.40, CLASS_3",
        "DIN, 0.50, CLASS_4", "DIN, 0.5001, WORSE_THAN_4",
        "NH3_UNIONIZED, 0.020, CLASS_1", "NH3_UNIONIZED, 0.0201, WORSE_THAN_4",
        "PHOSPHATE, 0.015, CLASS_1", "PHOSPHATE, 0.0151, CLASS_2", "PHOSPHATE, 0.030, CLASS_2",
        "PHOSPHATE, 0.0301, CLASS_4", "PHOSPHATE, 0.045, CLASS_4", "PHOSPHATE, 0.0451, WORSE_THAN_4",
        "PETROLEUM, 0.05, CLASS_1", "PETROLEUM, 0.051, CLASS_3", "PETROLEUM, 0.30, CLASS_3",
        "PETROLEUM, 0.50, CLASS_4", "PETROLEUM, 0.51, WORSE_THAN_4",
        "HG, 0.00005, CLASS_1", "HG, 0.000051, CLASS_2", "HG, 0.0002, CLASS_2", "HG, 0.00021, CLASS_4",
        "HG, 0.0005, CLASS_4", "HG, 0.00051, WORSE_THAN_4",
        "CD, 0.001, CLASS_1", "CD, 0.005, CLASS_2", "CD, 0.0051, CLASS_3", "CD, 0.010, CLASS_3",
        "CD, 0.0101, WORSE_THAN_4", "PB, 0.001, CLASS_1", "PB, 0.005, CLASS_2", "PB, 0.010, CLASS_3",
        "PB, 0.050, CLASS_4", "PB, 0.0501, WORSE_THAN_4",
        "CR6, 0.005, CLASS_1", "CR6, 0.050, CLASS_4", "CR6, 0.0501, WORSE_THAN_4",
        "AS, 0.020, CLASS_1", "AS, 0.030, CLASS_2", "AS, 0.031, CLASS_3", "AS, 0.050, CLASS_3",
        "AS, 0.0501, WORSE_THAN_4"})
    void boundaries(SeawaterIndicator indicator, String value, SeawaterClass expected) {
        assertThat(SeawaterClassification.classify(indicator, new BigDecimal(value))).isEqualTo(expected);
    }

    @Test
    void overallIsTheWorstAndLabels() {
        SeawaterClassification.Result r = SeawaterClassification.classify(Map.of(
                SeawaterIndicator.DO, new BigDecimal("7"), SeawaterIndicator.DIN,
                SeawaterClassification.inorganicNitrogen(new BigDecimal("0.2"), new BigDecimal("0.01"),
                        new BigDecimal("0.05")),
                SeawaterIndicator.PHOSPHATE, new BigDecimal("0.02")));
        assertThat(r.indicatorClasses().get(SeawaterIndicator.DIN)).isEqualTo(SeawaterClass.CLASS_2); // 0.26
        assertThat(r.overall()).contains(SeawaterClass.CLASS_2);
        assertThat(SeawaterClass.WORSE_THAN_4.label()).isEqualTo("劣四类");
        assertThat(SeawaterClass.CLASS_3.code()).isEqualTo("3");
        assertThat(SeawaterClassification.classify(Map.of()).overall()).isEmpty();
        assertThatThrownBy(() -> SeawaterClassification.classify(SeawaterIndicator.COD, new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
