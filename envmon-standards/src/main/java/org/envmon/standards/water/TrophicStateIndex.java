package org.envmon.standards.water;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Comprehensive trophic level index TLI(Σ) of lakes and reservoirs, 湖泊（水库）富营养化评价方法及分级技术规定
 * (CNEMC 2001; digest §6, [mem]): {@code TLI(Σ) = Σ W_j · TLI(j)}.
 *
 * <p>Arithmetic is in {@code double}: the model is logarithmic and its coefficients have 3–4 significant digits, so
 * BigDecimal would add nothing (documented exception to the project's BigDecimal rule). Class bounds are compared on
 * the unrounded value.
 *
 * <p>Weights: the 4-decimal weights of the digest table (chla 0.2663, TP 0.1879, TN 0.1790, SD 0.1834, CODMn 0.1834,
 * which sum to 1.0000). Decision for missing parameters: the weights of the parameters present are renormalised to sum
 * to 1 ({@code W_j / Σ W_present}); this equals {@code r_j² / Σ r_present²} to 4 decimals.
 */
public final class TrophicStateIndex {

    /** The five parameters with their correlation with chla (r_ij) and weight (digest §6 table). */
    public enum Parameter {
        /** Chlorophyll a in mg/m³ (= µg/L). CNEMC publishes it in mg/L: multiply by 1000 first. */
        CHLA(1.0, 0.2663),
        /** Total phosphorus, mg/L. */
        TP(0.84, 0.1879),
        /** Total nitrogen, mg/L. */
        TN(0.82, 0.1790),
        /** Secchi depth, m. */
        SD(-0.83, 0.1834),
        /** Permanganate index, mg/L. */
        CODMN(0.83, 0.1834);

        private final double correlation;
        private final double weight;

        Parameter(double correlation, double weight) {
            this.correlation = correlation;
            this.weight = weight;
        }

        /** r_ij, correlation with chlorophyll a. */
        public double correlation() {
            return correlation;
        }

        /** W_j when all five parameters are present. */
        public double weight() {
            return weight;
        }
    }

    /**
     * A TLI result.
     *
     * @param tli     TLI(Σ)
     * @param partial TLI(j) of each parameter given
     * @param weights the weights used (renormalised when parameters are missing)
     * @param state   the trophic class of {@code tli}
     */
    public record Result(double tli, Map<Parameter, Double> partial, Map<Parameter, Double> weights,
            TrophicState state) {
        public Result {
            partial = Collections.unmodifiableMap(new EnumMap<>(partial));
            weights = Collections.unmodifiableMap(new EnumMap<>(weights));
        }
    }

    private TrophicStateIndex() {
    }

    /**
     * TLI(j) of one parameter (digest §6 single-index formulas, natural log).
     *
     * @throws IllegalArgumentException when the value is not finite and positive (ln 0 is undefined)
     */
    public static double single(Parameter parameter, double value) {
        Objects.requireNonNull(parameter, "parameter");
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(parameter + " must be positive and finite: " + value);
        }
        double ln = Math.log(value);
        switch (parameter) {
            case CHLA:
                return 10 * (2.5 + 1.086 * ln);
            case TP:
                return 10 * (9.436 + 1.624 * ln);
            case TN:
                return 10 * (5.453 + 1.694 * ln);
            case SD:
                return 10 * (5.118 - 1.94 * ln);
            default:
                return 10 * (0.109 + 2.661 * ln);
        }
    }

    /** TLI(Σ) from the parameters given (at least one; missing parameters renormalise the weights). */
    public static Result compute(Map<Parameter, Double> values) {
        Objects.requireNonNull(values, "values");
        Map<Parameter, Double> partial = new EnumMap<>(Parameter.class);
        double weightSum = 0;
        for (Parameter p : Parameter.values()) {
            Double v = values.get(p);
            if (v != null) {
                partial.put(p, single(p, v));
                weightSum += p.weight();
            }
        }
        if (partial.isEmpty()) {
            throw new IllegalArgumentException("TLI needs at least one of chla, TP, TN, SD, CODMn");
        }
        Map<Parameter, Double> weights = new EnumMap<>(Parameter.class);
        double tli = 0;
        for (Map.Entry<Parameter, Double> e : partial.entrySet()) {
            double w = e.getKey().weight() / weightSum;
            weights.put(e.getKey(), w);
            tli += w * e.getValue();
        }
        return new Result(tli, partial, weights, TrophicState.of(tli));
    }
}
