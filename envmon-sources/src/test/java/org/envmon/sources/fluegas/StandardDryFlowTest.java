package org.envmon.sources.fluegas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class StandardDryFlowTest {

    @Test
    void aStackAtWorkingConditionsIsReducedToTheStandardStateOnADryBasis() {
        // Hand-computed: F 3.14 m², Vs 15 m/s → Qs 169,560 m³/h; 120 °C, Ba + Ps 100,825 Pa, 8 % water vapour:
        // 169,560 × 273.15 / 393.15 × 100,825 / 101,325 × 0.92 = 107,846.43 m³/h.
        Double qs = StandardDryFlow.actualFlow(3.14, 15.0);
        assertThat(qs).isCloseTo(169_560.0, within(1e-6));
        assertThat(StandardDryFlow.of(qs, 120.0, 100_825.0, 8.0)).isCloseTo(107_846.431, within(1e-3));
    }

    @Test
    void atTheStandardStateAndDryTheFlowIsUnchanged() {
        assertThat(StandardDryFlow.of(1000.0, 0.0, StandardDryFlow.STANDARD_PRESSURE_PA, 0.0))
                .isCloseTo(1000.0, within(1e-9));
    }

    @Test
    void missingOrImpossibleInputsGiveNoFlow() {
        assertThat(StandardDryFlow.of(null, 120.0, 100_000.0, 8.0)).isNull();
        assertThat(StandardDryFlow.of(1000.0, null, 100_000.0, 8.0)).isNull();
        assertThat(StandardDryFlow.of(1000.0, 120.0, null, 8.0)).isNull();
        assertThat(StandardDryFlow.of(1000.0, 120.0, 100_000.0, null)).isNull();
        assertThat(StandardDryFlow.of(1000.0, 120.0, 100_000.0, 100.0)).isNull();
        assertThat(StandardDryFlow.of(1000.0, -300.0, 100_000.0, 8.0)).isNull();
        assertThat(StandardDryFlow.of(1000.0, 120.0, 0.0, 8.0)).isNull();
        assertThat(StandardDryFlow.actualFlow(null, 3.0)).isNull();
    }

    @Property
    void hotterOrWetterGasIsLessStandardDryFlow(@ForAll @DoubleRange(min = 0, max = 1e7) double qs,
            @ForAll @DoubleRange(min = -20, max = 400) double t, @ForAll @DoubleRange(min = 0, max = 40) double dt,
            @ForAll @DoubleRange(min = 0, max = 50) double xsw, @ForAll @DoubleRange(min = 0, max = 40) double dx) {
        double base = StandardDryFlow.of(qs, t, 101_325.0, xsw);
        assertThat(StandardDryFlow.of(qs, t + dt, 101_325.0, xsw)).isLessThanOrEqualTo(base + 1e-9);
        assertThat(StandardDryFlow.of(qs, t, 101_325.0, xsw + dx)).isLessThanOrEqualTo(base + 1e-9);
    }
}
