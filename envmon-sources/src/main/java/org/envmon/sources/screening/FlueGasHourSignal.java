package org.envmon.sources.screening;

import java.util.EnumSet;
import java.util.Set;

/**
 * What one flue-gas hour's O2 and volume say about the facility or its analyser, before any figure is trusted: the
 * first of the screening rules for facilities that are not running and for falsified data. A signal is evidence for a
 * reviewer, not a verdict; the received values are kept as they are.
 *
 * <p>Thresholds (a choice; HJ 75-2017 names the states, not these numbers): combustion flue gas keeps O2 well below
 * ambient (about 3-9 % at boilers, 13-16 % at gas turbines), so an hour at or above {@value #NEAR_AMBIENT} % while
 * flue gas is discharged is air, not flue gas; below {@value #IMPLAUSIBLY_LOW} % no combustion runs with enough air,
 * so the O2 analyser is missing, failed or reports a fixed value.
 */
public enum FlueGasHourSignal {
    /** Flue gas discharged with near-ambient O2: the facility is not burning, or air leaks into the duct. */
    O2_NEAR_AMBIENT,
    /** O2 below any combustion's: the analyser is missing or failed, and every converted figure is wrong. */
    O2_IMPLAUSIBLY_LOW;

    public static final double NEAR_AMBIENT = 19.5;
    public static final double IMPLAUSIBLY_LOW = 0.5;

    /**
     * @param oxygen the hour's mean O2 (%), {@code null} when missing
     * @param volume the hour's flue-gas volume (m³), {@code null} when missing
     */
    public static Set<FlueGasHourSignal> of(Double oxygen, Double volume) {
        Set<FlueGasHourSignal> signals = EnumSet.noneOf(FlueGasHourSignal.class);
        if (oxygen == null || oxygen.isNaN()) {
            return signals;
        }
        if (oxygen >= NEAR_AMBIENT && volume != null && volume > 0) {
            signals.add(O2_NEAR_AMBIENT);
        }
        if (oxygen < IMPLAUSIBLY_LOW) {
            signals.add(O2_IMPLAUSIBLY_LOW);
        }
        return signals;
    }
}
