package org.envmon.standards;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A single-indicator classification table: per indicator the limits of the classes, best class first (GB/T 14848
 * Table 1, GB 3097 Table 1). The value is compared exactly as given (no rounding).
 *
 * @param <I> the indicators
 */
public final class LimitTable<I extends Enum<I>> {
    private final Map<I, List<BigDecimal>> rows;

    public LimitTable(Class<I> indicators) {
        rows = new EnumMap<>(indicators);
    }

    /** Adds the limits of an indicator, best class first. */
    public LimitTable<I> row(I indicator, String... limits) {
        rows.put(indicator, Arrays.stream(limits).map(BigDecimal::new).toList());
        return this;
    }

    /** The limits of an indicator, best class first; null when the table has no row for it. */
    public List<BigDecimal> limits(I indicator) {
        return rows.get(indicator);
    }

    /**
     * The index of the first class whose limit the value meets: at most the limit, or above it for a lower bound
     * (shared limits go to the better class); the number of limits when it meets none.
     */
    public int firstClass(I indicator, BigDecimal value, boolean lowerBound) {
        List<BigDecimal> limits = rows.get(indicator);
        for (int i = 0; i < limits.size(); i++) {
            int cmp = value.compareTo(limits.get(i));
            if (lowerBound ? cmp > 0 : cmp <= 0) {
                return i;
            }
        }
        return limits.size();
    }

    /**
     * The single-factor rule: the class of every given value (null values are missing), in indicator order, and
     * the overall class, the worst of them (the last in declaration order); empty when no value is given.
     */
    public static <I extends Enum<I>, C extends Enum<C>> Classes<I, C> classify(Class<I> indicators,
            Map<I, BigDecimal> values, BiFunction<I, BigDecimal, C> classify) {
        Map<I, C> classes = new EnumMap<>(indicators);
        for (I i : indicators.getEnumConstants()) {
            BigDecimal v = values.get(i);
            if (v != null) {
                classes.put(i, classify.apply(i, v));
            }
        }
        return new Classes<>(classes.isEmpty() ? Optional.empty() : Optional.of(Collections.max(classes.values())),
                classes);
    }

    /** The overall class and the class of each given indicator. */
    public record Classes<I, C>(Optional<C> overall, Map<I, C> byIndicator) {
    }
}
