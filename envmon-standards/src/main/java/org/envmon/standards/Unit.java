package org.envmon.standards;

import java.math.BigDecimal;

/**
 * Concentration units used by the national standards. Units of the same {@link Dimension} convert exactly
 * (powers of ten), so conversions never lose precision.
 */
public enum Unit {
    /** µg/m³ (air). */
    UG_PER_M3("µg/m3", Dimension.MASS_PER_AIR_VOLUME, -6),
    /** mg/m³ (air; CO in GB 3095 / HJ 633). */
    MG_PER_M3("mg/m3", Dimension.MASS_PER_AIR_VOLUME, -3),
    /** ng/m³ (air; e.g. BaP). */
    NG_PER_M3("ng/m3", Dimension.MASS_PER_AIR_VOLUME, -9),
    /** mg/L (water). */
    MG_PER_L("mg/L", Dimension.MASS_PER_LIQUID_VOLUME, -3),
    /** µg/L (water). */
    UG_PER_L("µg/L", Dimension.MASS_PER_LIQUID_VOLUME, -6),
    /** A dimensionless quantity (indices, pH, counts). */
    DIMENSIONLESS("1", Dimension.NONE, 0);

    /** What a unit measures; only units of one dimension convert into each other. */
    public enum Dimension { MASS_PER_AIR_VOLUME, MASS_PER_LIQUID_VOLUME, NONE }

    private final String symbol;
    private final Dimension dimension;
    private final int powerOfTen;

    Unit(String symbol, Dimension dimension, int powerOfTen) {
        this.symbol = symbol;
        this.dimension = dimension;
        this.powerOfTen = powerOfTen;
    }

    public String symbol() {
        return symbol;
    }

    public Dimension dimension() {
        return dimension;
    }

    /** Exact conversion of {@code value} from this unit to {@code target}. */
    public BigDecimal convert(BigDecimal value, Unit target) {
        if (target.dimension != dimension) {
            throw new IllegalArgumentException("cannot convert " + symbol + " to " + target.symbol);
        }
        return value.scaleByPowerOfTen(powerOfTen - target.powerOfTen);
    }

    @Override
    public String toString() {
        return symbol;
    }
}
