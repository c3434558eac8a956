package org.envmon.standards.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.Map;
import org.envmon.standards.water.TrophicStateIndex.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** TLI, CNEMC 2001 (digest §6). Reference values computed by hand from the digest formulas. */
class TrophicStateIndexTest {

    @Test
    void singleIndicesAtOne() {
        // ln 1 = 0: TLI(j) = 10 × constant
        assertThat(TrophicStateIndex.single(Parameter.CHLA, 1)).isCloseTo(25.0, within(1e-9));
        assertThat(TrophicStateIndex.single(Parameter.TP, 1)).isCloseTo(94.36, within(1e-9));
        assertThat(TrophicStateIndex.single(Parameter.TN, 1)).isCloseTo(54.53, within(1e-9));
        assertThat(TrophicStateIndex.single(Parameter.SD, 1)).isCloseTo(51.18, within(1e-9));
        assertThat(TrophicStateIndex.single(Parameter.CODMN, 1)).isCloseTo(1.09, within(1e-9));
        // SD: deeper water, lower index
        assertThat(TrophicStateIndex.single(Parameter.SD, 2)).isLessThan(TrophicStateIndex.single(Parameter.SD, 1));
    }

    @Test
    void weightsMatchTheDigestAndR2() {
        double sum = 0;
        double r2 = 0;
        for (Parameter p : Parameter.values()) {
            sum += p.weight();
            r2 += p.correlation() * p.correlation();
        }
        assertThat(sum).isCloseTo(1.0, within(1e-9));
        for (Parameter p : Parameter.values()) {
            assertThat(p.correlation() * p.correlation() / r2).isCloseTo(p.weight(), within(0.00005));
        }
    }

    @Test
    void comprehensiveIndexOfAEutrophicLake() {
        Map<Parameter, Double> v = new EnumMap<>(Parameter.class);
        v.put(Parameter.CHLA, 20.0);   // mg/m³
        v.put(Parameter.TP, 0.08);
        v.put(Parameter.TN, 1.5);
        v.put(Parameter.SD, 0.4);
        v.put(Parameter.CODMN, 4.5);
        TrophicStateIndex.Result r = TrophicStateIndex.compute(v);
        assertThat(r.tli()).isCloseTo(56.5213, within(1e-3));
        assertThat(r.state()).isEqualTo(TrophicState.LIGHT_EUTROPHIC);
        assertThat(r.state().isEutrophic()).isTrue();
        assertThat(r.partial().get(Parameter.TN)).isCloseTo(61.3986, within(1e-3));
    }

    @Test
    void missingParametersRenormaliseTheWeights() {
        TrophicStateIndex.Result r = TrophicStateIndex.compute(Map.of(Parameter.TP, 0.08, Parameter.TN, 1.5));
        assertThat(r.tli()).isCloseTo(57.2727, within(1e-3));
        assertThat(r.weights().get(Parameter.TP) + r.weights().get(Parameter.TN)).isCloseTo(1.0, within(1e-12));
        TrophicStateIndex.Result ones = TrophicStateIndex.compute(Map.of(Parameter.CHLA, 1.0, Parameter.TP, 1.0,
                Parameter.TN, 1.0, Parameter.SD, 1.0, Parameter.CODMN, 1.0));
        assertThat(ones.tli()).isCloseTo(43.734932, within(1e-6));
        assertThatThrownBy(() -> TrophicStateIndex.compute(Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrophicStateIndex.single(Parameter.TP, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0, OLIGOTROPHIC", "29.999, OLIGOTROPHIC", "30, MESOTROPHIC", "50, MESOTROPHIC",
        "50.001, LIGHT_EUTROPHIC", "60, LIGHT_EUTROPHIC", "60.001, MODERATE_EUTROPHIC", "70, MODERATE_EUTROPHIC",
        "70.001, HEAVY_EUTROPHIC", "95, HEAVY_EUTROPHIC"})
    void classBounds(double tli, TrophicState expected) {
        assertThat(TrophicState.of(tli)).isEqualTo(expected);
        assertThat(expected.isEutrophic()).isEqualTo(tli > 50);
    }
}
