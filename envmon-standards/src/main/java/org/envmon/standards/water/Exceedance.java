package org.envmon.standards.water;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.Objects;

/**
 * A parameter worse than class III with its exceedance multiple {@code (C − S_III) / S_III} (digest §5.3,
 * 环办〔2011〕22号 "超标倍数"). Only "≤" items have one; pH and DO never appear here.
 *
 * @param parameter the item
 * @param value     the measured concentration C
 * @param classIiiLimit the class III limit S_III for the water body
 */
public record Exceedance(WaterParameter parameter, BigDecimal value, BigDecimal classIiiLimit) {

    /**
     * Largest multiple first, compared exactly: (C1 − S1)/S1 &gt; (C2 − S2)/S2 ⇔ (C1 − S1)·S2 &gt; (C2 − S2)·S1 for
     * positive limits. Equal multiples compare equal (callers keep Table 1 order with a stable sort).
     */
    public static final Comparator<Exceedance> BY_MULTIPLE_DESCENDING = (a, b) -> b.value.subtract(b.classIiiLimit)
            .multiply(a.classIiiLimit).compareTo(a.value.subtract(a.classIiiLimit).multiply(b.classIiiLimit));

    public Exceedance {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(classIiiLimit, "classIiiLimit");
    }

    /** The multiple to 34 significant digits (DECIMAL128); exact for every terminating quotient. */
    public BigDecimal multiple() {
        return value.subtract(classIiiLimit).divide(classIiiLimit, MathContext.DECIMAL128);
    }

    /**
     * The multiple rounded once, directly from the exact quotient, to {@code scale} decimals with round-half-even
     * (GB/T 8170 "四舍六入五成双"; decision: the routine method does not name a rounding rule, GB/T 8170 is the
     * national default). Bulletins and the calculator use scale 2.
     */
    public BigDecimal multiple(int scale) {
        return value.subtract(classIiiLimit).divide(classIiiLimit, scale, RoundingMode.HALF_EVEN);
    }
}
