package org.envmon.sources.fluegas;

/**
 * 折算浓度: a measured dry-gas concentration converted to the reference oxygen content of the facility's emission
 * standard, {@code ρ = ρ' × (21 − φ(O2)ref) / (21 − φ'(O2))} (GB 13223-2011 §5.2 formula (1); GB 13271-2014 and
 * GB 18485-2014 use the same form). Missing or impossible inputs give a reason, never a number: O2 at or above the
 * ambient 21 % would divide by zero or flip the sign, so the value is flagged, not converted.
 */
public final class ConvertedConcentration {

    /** Oxygen content of ambient air, % by volume (the 21 of the formula). */
    public static final double AMBIENT_OXYGEN = 21.0;

    /** A conversion's outcome: a value, or why there is none. */
    public sealed interface Result permits Converted, Undefined {
    }

    /** The converted concentration, in the measured value's unit (mg/m³ for HJ 212 flue-gas pollutants). */
    public record Converted(double value) implements Result {
    }

    public record Undefined(Reason reason) implements Result {
    }

    public enum Reason {
        MEASURED_MISSING, MEASURED_NEGATIVE, OXYGEN_MISSING, OXYGEN_NEGATIVE, OXYGEN_AT_OR_ABOVE_AMBIENT,
        /** Not known which reference the outlet's standard sets (for callers without one; never from {@link #of}). */
        REFERENCE_OXYGEN_UNKNOWN
    }

    private ConvertedConcentration() {
    }

    /**
     * @param measured measured concentration in dry flue gas, {@code null} when missing
     * @param oxygen   measured O2 in dry flue gas (%), {@code null} when missing
     * @param reference the facility's reference O2
     */
    public static Result of(Double measured, Double oxygen, ReferenceOxygen reference) {
        return of(measured, oxygen, reference.percent());
    }

    /** As {@link #of(Double, Double, ReferenceOxygen)} with the reference as a percentage (0 ≤ reference &lt; 21). */
    public static Result of(Double measured, Double oxygen, double referenceOxygen) {
        if (!(referenceOxygen >= 0 && referenceOxygen < AMBIENT_OXYGEN)) {
            throw new IllegalArgumentException("reference O2 must be in [0, 21): " + referenceOxygen);
        }
        if (measured == null || measured.isNaN()) {
            return new Undefined(Reason.MEASURED_MISSING);
        }
        if (oxygen == null || oxygen.isNaN()) {
            return new Undefined(Reason.OXYGEN_MISSING);
        }
        if (measured < 0) {
            return new Undefined(Reason.MEASURED_NEGATIVE);
        }
        if (oxygen < 0) {
            return new Undefined(Reason.OXYGEN_NEGATIVE);
        }
        if (oxygen >= AMBIENT_OXYGEN) {
            return new Undefined(Reason.OXYGEN_AT_OR_ABOVE_AMBIENT);
        }
        return new Converted(measured * (AMBIENT_OXYGEN - referenceOxygen) / (AMBIENT_OXYGEN - oxygen));
    }
}
