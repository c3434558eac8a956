package org.envmon.standards.air;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 环境空气质量综合指数 (composite index) of the city ranking rule, 城市环境空气质量排名技术规定 (环办监测〔2018〕19号),
 * digest §4: {@code I_i = C_i / S_i}, {@code I_sum = Σ W_i × I_i}.
 * <ul>
 *   <li>C_i: period means of SO2, NO2, PM10, PM2.5; CO 95th percentile of daily means; O3 90th percentile of the
 *       daily max 8-h (reported values, as published).</li>
 *   <li>S_i: GB 3095 Class 2 limits — annual for SO2, NO2, PM10, PM2.5; 24-h for CO; 8-h for O3. The 2012 values
 *       (60, 40, 70, 35, 4, 160) are confirmed from bulletins. Decision for 2026 data (digest §3C [unconfirmed]):
 *       the Class 2 limits of the GB 3095 stage that applies (transition: 60, 40, 60, 30, 4, 160; final: 20, 30, 50,
 *       25, 4, 160).</li>
 *   <li>Weights: {@link Weights#NONE} (provincial bulletins) or {@link Weights#RANKING_2018} (PM2.5 × 3, NO2 × 2,
 *       O3 × 2, others × 1; digest §4 [mem, unconfirmed]; configuration, check before use).</li>
 *   <li>Rounding (digest §4 [unconfirmed]): I_i reported to 3 decimals, I_sum to 2 decimals; I_sum is computed from
 *       the unrounded I_i and rounded once (decision: no chained rounding).</li>
 *   <li>Primary item for ranking: the largest I_i [unconfirmed].</li>
 * </ul>
 */
public final class CompositeIndex {

    /** Weight sets. */
    public enum Weights {
        NONE(1, 1, 1, 1, 1, 1),
        RANKING_2018(1, 2, 1, 3, 1, 2);

        private final Map<Pollutant, Integer> w = new EnumMap<>(Pollutant.class);

        Weights(int so2, int no2, int pm10, int pm25, int co, int o3) {
            w.put(Pollutant.SO2, so2);
            w.put(Pollutant.NO2, no2);
            w.put(Pollutant.PM10, pm10);
            w.put(Pollutant.PM25, pm25);
            w.put(Pollutant.CO, co);
            w.put(Pollutant.O3, o3);
        }

        public int weight(Pollutant p) {
            return w.get(p);
        }
    }

    /** The six items in publication order. */
    public static final List<Pollutant> ITEMS = Pollutant.BASIC;

    /**
     * @param single    I_i per item, 3 decimals
     * @param total     I_sum, 2 decimals; empty unless all six items are present
     * @param primary   item with the largest I_i
     */
    public record Result(Gb3095Stage stage, Weights weights, Map<Pollutant, BigDecimal> single,
            Optional<BigDecimal> total, Optional<Pollutant> primary) {
    }

    private CompositeIndex() {
    }

    /** S_i of one item for a stage. */
    public static BigDecimal standard(Gb3095Stage stage, Pollutant p) {
        Averaging a = switch (p) {
            case CO -> Averaging.DAY_24H;
            case O3 -> Averaging.MAX_8H;
            default -> Averaging.ANNUAL;
        };
        return AmbientAirLimits.class2(stage, p, a);
    }

    /** Computes the index from the period statistics C_i (missing items are left out; total needs all six). */
    public static Result compute(Gb3095Stage stage, Map<Pollutant, BigDecimal> c, Weights weights) {
        Map<Pollutant, BigDecimal> single = new EnumMap<>(Pollutant.class);
        BigDecimal sum = BigDecimal.ZERO;
        Pollutant primary = null;
        BigDecimal max = null;
        for (Pollutant p : ITEMS) {
            BigDecimal ci = c.get(p);
            if (ci == null) {
                continue;
            }
            BigDecimal exact = ci.divide(standard(stage, p), 12, RoundingMode.HALF_EVEN);
            single.put(p, exact.setScale(3, RoundingMode.HALF_EVEN));
            sum = sum.add(exact.multiply(BigDecimal.valueOf(weights.weight(p))));
            if (max == null || exact.compareTo(max) > 0) {
                max = exact;
                primary = p;
            }
        }
        Optional<BigDecimal> total = single.size() == ITEMS.size()
                ? Optional.of(sum.setScale(2, RoundingMode.HALF_EVEN)) : Optional.empty();
        return new Result(stage, weights, Map.copyOf(single), total, Optional.ofNullable(primary));
    }
}
