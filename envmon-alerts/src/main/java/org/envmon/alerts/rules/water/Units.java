package org.envmon.alerts.rules.water;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.envmon.hj212.Parameter;
import org.envmon.hj212.ParameterCatalogue;

/**
 * Units of HJ 212 codes (as the bundled catalogue, envmon-hj212 {@code parameters.csv}, gives them for the values as
 * transmitted) and exact conversion into the units a standard uses. Values are stored as sent, so a rule that compares
 * with a limit in mg/L must scale a value the catalogue gives in µg/L or ng/L: it does so here, in decimal (0.1 µg/L
 * is exactly 0.0001 mg/L, which a double multiplication would not give).
 */
final class Units {

    /** Kind and power of ten (relative to g/L for concentrations, to m for lengths) of each known unit. */
    private record Scale(String kind, int power) {
    }

    private static final Map<String, Scale> KNOWN = Map.ofEntries(
            Map.entry("g/L", new Scale("concentration", 0)),
            Map.entry("mg/L", new Scale("concentration", -3)),
            Map.entry("µg/L", new Scale("concentration", -6)),
            Map.entry("ng/L", new Scale("concentration", -9)),
            Map.entry("mg/m3", new Scale("concentration", -6)),   // mg/m³ = µg/L (chlorophyll a in TLI)
            Map.entry("µg/m3", new Scale("concentration", -9)),
            Map.entry("m", new Scale("length", 0)),
            Map.entry("cm", new Scale("length", -2)),
            Map.entry("mm", new Scale("length", -3)),
            Map.entry("个/L", new Scale("count", 0)),
            Map.entry("", new Scale("dimensionless", 0)));

    private Units() {
    }

    /** Normalises the spellings of micro (µ U+00B5, μ U+03BC, u) and of cubic metres. */
    static String normalise(String unit) {
        String u = unit.strip().replace('μ', 'µ').replace("m³", "m3");
        return u.startsWith("u") ? "µ" + u.substring(1) : u;
    }

    /**
     * The power of ten that turns a value in {@code from} into {@code to} (µg/L into mg/L: -3).
     *
     * @throws IllegalArgumentException for an unknown unit or units of different kinds
     */
    static int power(String from, String to) {
        Scale f = KNOWN.get(normalise(from));
        Scale t = KNOWN.get(normalise(to));
        if (f == null || t == null) {
            throw new IllegalArgumentException("cannot convert '" + from + "' to '" + to + "': unknown unit");
        }
        if (!f.kind().equals(t.kind())) {
            throw new IllegalArgumentException("cannot convert '" + from + "' (" + f.kind() + ") to '" + to + "' ("
                    + t.kind() + ")");
        }
        return f.power() - t.power();
    }

    /** The unit of a water code in the bundled catalogue (the water row, else the first row), if listed. */
    static Optional<String> unitOf(String code) {
        ParameterCatalogue c = ParameterCatalogue.standard();
        return c.find(code, Parameter.Category.WATER).or(() -> c.find(code)).map(Parameter::unit);
    }

    /**
     * The power of ten from the catalogue unit of {@code code} to {@code target}.
     *
     * @throws IllegalArgumentException when the code is not in the catalogue or its unit does not convert
     */
    static int powerFromCatalogue(String code, String target) {
        String unit = unitOf(code).orElseThrow(() -> new IllegalArgumentException("parameter " + code
                + " is not in the HJ 212 catalogue, so its unit is unknown"));
        try {
            return power(unit, target);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter " + code + ": " + e.getMessage(), e);
        }
    }

    /** {@code value × 10^power}, exact. */
    static BigDecimal scale(double value, int power) {
        return BigDecimal.valueOf(value).scaleByPowerOfTen(power);
    }

    /** Short display of a decimal (no exponent, no trailing zeros). */
    static String fmt(BigDecimal v) {
        return Objects.requireNonNull(v).stripTrailingZeros().toPlainString();
    }
}
