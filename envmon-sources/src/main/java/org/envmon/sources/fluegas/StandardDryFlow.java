package org.envmon.sources.fluegas;

/**
 * Flue-gas flow at the standard state on a dry basis (标态干烟气流量): 273.15 K, 101.325 kPa, water vapour removed
 * (HJ 75-2017, definitions of the standard state and the flow formula of its data-processing annex [clause number
 * unconfirmed in the digest]):
 * {@code Qsn = Qs × 273.15 / (273.15 + ts) × (Ba + Ps) / 101325 × (1 − Xsw)}, with the actual flow
 * {@code Qs = 3600 × F × Vs}. Missing inputs give {@code null}, never zero.
 */
public final class StandardDryFlow {

    public static final double STANDARD_TEMPERATURE_K = 273.15;
    public static final double STANDARD_PRESSURE_PA = 101_325.0;

    private StandardDryFlow() {
    }

    /**
     * Actual (working-condition) flow, m³/h, from the stack's cross-section and the mean flue-gas velocity.
     *
     * @param areaM2    cross-section F, m²
     * @param velocityMs velocity Vs, m/s
     */
    public static Double actualFlow(Double areaM2, Double velocityMs) {
        if (areaM2 == null || velocityMs == null || areaM2 < 0 || velocityMs < 0) {
            return null;
        }
        return 3600.0 * areaM2 * velocityMs;
    }

    /**
     * Standard-state dry flow, m³/h.
     *
     * @param actualFlowM3h      Qs, m³/h at working conditions
     * @param temperatureC       flue-gas temperature ts, °C
     * @param absolutePressurePa Ba + Ps: atmospheric plus the flue's static (gauge) pressure, Pa
     * @param moisturePercent    water vapour content Xsw, % by volume (0 ≤ Xsw &lt; 100)
     */
    public static Double of(Double actualFlowM3h, Double temperatureC, Double absolutePressurePa,
            Double moisturePercent) {
        if (actualFlowM3h == null || temperatureC == null || absolutePressurePa == null || moisturePercent == null) {
            return null;
        }
        double kelvin = STANDARD_TEMPERATURE_K + temperatureC;
        if (actualFlowM3h < 0 || kelvin <= 0 || absolutePressurePa <= 0 || moisturePercent < 0
                || moisturePercent >= 100) {
            return null;
        }
        return actualFlowM3h * STANDARD_TEMPERATURE_K / kelvin * absolutePressurePa / STANDARD_PRESSURE_PA
                * (1 - moisturePercent / 100.0);
    }
}
