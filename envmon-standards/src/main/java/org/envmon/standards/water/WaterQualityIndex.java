package org.envmon.standards.water;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.envmon.standards.Rounding;

/**
 * Water quality index CWQI for the city ranking, 城市地表水环境质量排名技术规定（试行）环办监测〔2017〕51号
 * (digest §5.4). Lower is better.
 *
 * <p>Per item, over the 21 routine items: {@code C_i / C_III} with the class III limit of the water body (lake TP
 * 0.05); DO {@code 5 / C_DO}; pH {@code (7 − pH) / (7 − 6)} when pH ≤ 7, else {@code (pH − 7) / (9 − 7)}. Section
 * CWQI is the sum over the items given (decision: missing items are skipped, not imputed). City CWQI is the mean of
 * its section CWQI (digest: [unconfirmed] whether rivers and lakes are pooled; this class pools what it is given and
 * leaves the grouping to the caller). Arithmetic is DECIMAL128, unrounded; {@link #display(BigDecimal)} rounds to 2
 * decimals half-even (digest: "round only for display", 2 decimals [unconfirmed]). Half-detection-limit substitution
 * ([unconfirmed]) is the caller's job, before calling.
 */
public final class WaterQualityIndex {

    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal SEVEN = new BigDecimal("7");
    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal TWO = new BigDecimal("2");

    private WaterQualityIndex() {
    }

    /**
     * CWQI of one item (digest §5.4 table).
     *
     * @throws IllegalArgumentException for TN or fecal coliform (not in the index), a negative value, or DO = 0
     *         (5 / 0 is undefined; decision: reject rather than invent a cap)
     */
    public static BigDecimal itemIndex(WaterParameter parameter, BigDecimal value, Waterbody waterbody) {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(value, "value");
        if (!parameter.isRoutine()) {
            throw new IllegalArgumentException(parameter.column() + " is not one of the 21 CWQI items");
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException(parameter.column() + " must not be negative: " + value);
        }
        switch (parameter) {
            case PH:
                return value.compareTo(SEVEN) <= 0
                        ? SEVEN.subtract(value).divide(ONE, MC)
                        : value.subtract(SEVEN).divide(TWO, MC);
            case DO:
                if (value.signum() == 0) {
                    throw new IllegalArgumentException("CWQI of DO = 0 is undefined (5 / 0)");
                }
                return Gb3838Table1.limit(WaterParameter.DO, waterbody, WaterClass.III).divide(value, MC);
            default:
                return value.divide(Gb3838Table1.limit(parameter, waterbody, WaterClass.III), MC);
        }
    }

    /** Section CWQI: the sum of the item indices of the routine items given; TN and fecal coliform are ignored. */
    public static BigDecimal sectionIndex(Map<WaterParameter, BigDecimal> values, Waterbody waterbody) {
        return itemIndices(values, waterbody).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The item indices that make up {@link #sectionIndex}, in Table 1 order. */
    public static Map<WaterParameter, BigDecimal> itemIndices(Map<WaterParameter, BigDecimal> values,
            Waterbody waterbody) {
        Map<WaterParameter, BigDecimal> out = new EnumMap<>(WaterParameter.class);
        for (WaterParameter p : WaterParameter.values()) {
            BigDecimal v = values.get(p);
            if (v != null && p.isRoutine()) {
                out.put(p, itemIndex(p, v, waterbody));
            }
        }
        return out;
    }

    /** City CWQI: the arithmetic mean of its section indices. */
    public static BigDecimal cityIndex(Collection<BigDecimal> sectionIndices) {
        if (sectionIndices.isEmpty()) {
            throw new IllegalArgumentException("no sections");
        }
        BigDecimal sum = sectionIndices.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(sectionIndices.size()), MC);
    }

    /** Rounds for display: 2 decimals, GB/T 8170 half-even. */
    public static BigDecimal display(BigDecimal index) {
        return Rounding.gbt8170(index, 2);
    }

    /** A ranked city. */
    public record Ranked(String city, BigDecimal index, int rank) {
    }

    /**
     * Ranks cities from best (lowest CWQI) to worst on the unrounded index. Decision ([unconfirmed] in the method):
     * exactly equal indices share a rank and the next rank is skipped (1, 2, 2, 4); equal cities are listed by name.
     */
    public static List<Ranked> rank(Map<String, BigDecimal> cityIndices) {
        List<Map.Entry<String, BigDecimal>> entries = new ArrayList<>(cityIndices.entrySet());
        entries.sort(Map.Entry.<String, BigDecimal>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())));
        List<Ranked> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Map.Entry<String, BigDecimal> e = entries.get(i);
            int rank = i > 0 && e.getValue().compareTo(entries.get(i - 1).getValue()) == 0
                    ? out.get(i - 1).rank() : i + 1;
            out.add(new Ranked(e.getKey(), e.getValue(), rank));
        }
        return List.copyOf(out);
    }
}
