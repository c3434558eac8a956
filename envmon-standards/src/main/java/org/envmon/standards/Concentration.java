package org.envmon.standards;

import java.math.BigDecimal;
import java.util.Objects;

/** A non-negative measured concentration with its unit. Immutable; equality is numeric ({@code 1.0 == 1}). */
public final class Concentration implements Comparable<Concentration> {
    private final BigDecimal value;
    private final Unit unit;

    private Concentration(BigDecimal value, Unit unit) {
        this.value = Objects.requireNonNull(value, "value");
        this.unit = Objects.requireNonNull(unit, "unit");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("negative concentration: " + value.toPlainString() + " " + unit);
        }
    }

    public static Concentration of(BigDecimal value, Unit unit) {
        return new Concentration(value, unit);
    }

    public static Concentration of(String value, Unit unit) {
        return new Concentration(new BigDecimal(value), unit);
    }

    public BigDecimal value() {
        return value;
    }

    public Unit unit() {
        return unit;
    }

    /** The same amount in {@code target} (exact). */
    public Concentration in(Unit target) {
        return target == unit ? this : new Concentration(unit.convert(value, target), target);
    }

    @Override
    public int compareTo(Concentration o) {
        return value.compareTo(o.unit == unit ? o.value : o.unit.convert(o.value, unit));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Concentration c && c.unit == unit && c.value.compareTo(value) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(value.stripTrailingZeros(), unit);
    }

    @Override
    public String toString() {
        return value.toPlainString() + " " + unit;
    }
}
