package org.envmon.sources;

/**
 * Emission rates and amounts (排放速率, 排放量) from concentrations and flows. Flue gas: the measured (not the
 * converted) concentration times the standard-state dry flow (HJ 75-2017, emission-amount formula of the
 * data-processing annex [clause number unconfirmed in the digest]); the devices' own {@code -Cou} figures in the real
 * 2016 capture follow the same rule (hourly {@code -Avg} × the hour's {@code B02-Cou} × 10⁻⁶ kg). Waste water:
 * concentration times discharged volume (HJ 353/HJ 355-2019 [clause unconfirmed]). Amounts add over hours, so
 * daily, monthly and annual totals are sums of the hourly ones.
 */
public final class EmissionAmount {

    /** mg/m³ × m³ → kg. */
    private static final double KG_PER_MG = 1e-6;
    /** mg/L × m³ = g → kg. */
    private static final double KG_PER_G = 1e-3;

    private EmissionAmount() {
    }

    /**
     * Flue-gas emission amount, kg, of a volume of dry flue gas at the standard state (an hour's volume gives the
     * hour's amount; a flow in m³/h gives the rate in kg/h).
     *
     * @param concentrationMgM3 measured (not converted) concentration in dry flue gas at the standard state, mg/m³
     * @return {@code null} when an input is missing or negative
     */
    public static Double flueGasAmount(Double concentrationMgM3, Double dryStandardVolumeM3) {
        if (!usable(concentrationMgM3) || !usable(dryStandardVolumeM3)) {
            return null;
        }
        return concentrationMgM3 * dryStandardVolumeM3 * KG_PER_MG;
    }

    /**
     * Waste-water pollutant load, kg.
     *
     * @param concentrationMgL concentration, mg/L
     * @param volumeM3         discharged volume, m³
     */
    public static Double wasteWaterAmount(Double concentrationMgL, Double volumeM3) {
        if (!usable(concentrationMgL) || !usable(volumeM3)) {
            return null;
        }
        return concentrationMgL * volumeM3 * KG_PER_G;
    }

    /** kg → t, the unit of a permit's annual total (许可排放量, t/a). */
    public static double tonnes(double kg) {
        return kg / 1000.0;
    }

    private static boolean usable(Double v) {
        return v != null && !v.isNaN() && v >= 0;
    }
}
