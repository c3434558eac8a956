package org.envmon.sources.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlueGasHourSignalTest {

    @Test
    void ambientOxygenWhileDischargingIsAir() {
        assertThat(FlueGasHourSignal.of(20.6, 90_000.0)).containsExactly(FlueGasHourSignal.O2_NEAR_AMBIENT);
        assertThat(FlueGasHourSignal.of(19.5, 1.0)).containsExactly(FlueGasHourSignal.O2_NEAR_AMBIENT);
        // no flue gas discharged (or no volume reported): a stopped facility, not a suspicious one
        assertThat(FlueGasHourSignal.of(20.9, 0.0)).isEmpty();
        assertThat(FlueGasHourSignal.of(20.9, null)).isEmpty();
    }

    @Test
    void oxygenBelowAnyCombustionsIsAnAnalyserFault() {
        assertThat(FlueGasHourSignal.of(0.0, 235_069.48)).containsExactly(FlueGasHourSignal.O2_IMPLAUSIBLY_LOW);
        assertThat(FlueGasHourSignal.of(0.49, null)).containsExactly(FlueGasHourSignal.O2_IMPLAUSIBLY_LOW);
    }

    @Test
    void ordinaryHoursAndMissingOxygenRaiseNothing() {
        assertThat(FlueGasHourSignal.of(6.87, 888_839.44)).isEmpty(); // a coal-fired boiler's real hour
        assertThat(FlueGasHourSignal.of(15.2, 1e6)).isEmpty(); // a gas turbine
        assertThat(FlueGasHourSignal.of(0.5, 1e6)).isEmpty();
        assertThat(FlueGasHourSignal.of(19.49, 1e6)).isEmpty();
        assertThat(FlueGasHourSignal.of(null, 1e6)).isEmpty();
    }
}
