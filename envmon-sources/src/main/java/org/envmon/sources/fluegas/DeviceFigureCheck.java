package org.envmon.sources.fluegas;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The figures a monitoring device computes itself (its converted concentration {@code -ZsRtd}/{@code -ZsAvg} and its
 * emission amount {@code -Cou}) against the platform's own recomputation. A disagreement, or a converted figure that
 * implies no standard's reference oxygen, is a data-integrity signal, not a correction: the device's figure is kept
 * as received.
 *
 * <p>Tolerance (a choice; HJ 75-2017 sets none for this comparison): 5 % of the platform's figure, or 0.01 (the two
 * decimals devices report), whichever is larger. A device converts each minute and averages the results, the
 * platform converts the hour's mean, so hourly figures differ slightly when O2 moves within the hour.
 */
public final class DeviceFigureCheck {

    public static final double RELATIVE_TOLERANCE = 0.05;
    public static final double ABSOLUTE_TOLERANCE = 0.01;
    /** Below this measured concentration (mg/m³) reported rounding dominates the ratio: no reference is implied. */
    public static final double MIN_MEASURED_FOR_REFERENCE = 1.0;
    /** How far an implied reference may lie from a standard's value and still be taken as that value (% O2). */
    public static final double REFERENCE_MATCH = 0.5;

    private DeviceFigureCheck() {
    }

    /** Whether the device's figure agrees with the platform's within the tolerance above. */
    public static boolean agrees(double platform, double device) {
        return Math.abs(device - platform) <= Math.max(ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE * Math.abs(platform))
                + 1e-9;
    }

    /**
     * The reference O2 that the device's converted figure implies, solving the conversion of
     * {@link ConvertedConcentration} for the reference: {@code 21 − (converted / measured) × (21 − O2)}. Empty when
     * the measured value is too small to tell or O2 is outside [0, 21).
     */
    public static OptionalDouble impliedReferenceOxygen(double measured, double converted, double oxygen) {
        if (measured < MIN_MEASURED_FOR_REFERENCE || converted < 0 || oxygen < 0
                || oxygen >= ConvertedConcentration.AMBIENT_OXYGEN) {
            return OptionalDouble.empty();
        }
        double a = ConvertedConcentration.AMBIENT_OXYGEN;
        return OptionalDouble.of(a - converted / measured * (a - oxygen));
    }

    /** The standards' reference nearest to {@code impliedPercent}, if within {@link #REFERENCE_MATCH}. */
    public static Optional<ReferenceOxygen> standardReference(double impliedPercent) {
        return Arrays.stream(ReferenceOxygen.values())
                .filter(r -> Math.abs(r.percent() - impliedPercent) <= REFERENCE_MATCH)
                .min(Comparator.comparingDouble(r -> Math.abs(r.percent() - impliedPercent)));
    }
}
