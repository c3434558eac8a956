package org.envmon.reports;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One typed table cell. Numbers are never rounded here: a {@link Decimal} or {@link Percent} carries exactly the
 * value the evaluation result reported, at the reporting precision of the standard (its scale); constructing one
 * with a value that would need rounding to that precision fails, so a report cannot silently re-round a result.
 */
public sealed interface Cell {

    /** Shown for a missing or not-evaluated value (xlsx, PDF); CSV writes an empty field. */
    String MISSING_MARK = "—";

    /** Text shown to a reader (PDF; xlsx text cells; CSV fields). */
    String display();

    /** Plain text. */
    record Text(String text) implements Cell {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String display() {
            return text;
        }
    }

    /** A whole number (counts, AQI, ranks). */
    record Int(long value) implements Cell {
        @Override
        public String display() {
            return Long.toString(value);
        }
    }

    /** A number shown with exactly {@code value.scale()} decimals (the reporting precision; scale ≥ 0). */
    sealed interface Scaled extends Cell permits Decimal, Percent {
        BigDecimal value();

        default int scale() {
            return value().scale();
        }

        @Override
        default String display() {
            return value().toPlainString();
        }
    }

    /** A decimal at its reporting precision. */
    record Decimal(BigDecimal value) implements Scaled {
        public Decimal {
            requireScale(value);
        }
    }

    /**
     * A percentage in percent units (83.5 means 83.5 %), shown with {@code value.scale()} decimals. xlsx stores
     * the fraction (0.835) with a percent format; CSV writes the percent number (the header carries "%").
     */
    record Percent(BigDecimal value) implements Scaled {
        public Percent {
            requireScale(value);
        }

        @Override
        public String display() {
            return value.toPlainString() + "%";
        }
    }

    /** No value (not valid, not evaluated, not applicable). */
    record Missing() implements Cell {
        @Override
        public String display() {
            return MISSING_MARK;
        }
    }

    // ------------------------------------------------------------------------------------------- factories

    static Cell text(String s) {
        return s == null || s.isEmpty() ? missing() : new Text(s);
    }

    static Cell integer(long v) {
        return new Int(v);
    }

    static Cell missing() {
        return new Missing();
    }

    /**
     * A decimal at the reporting precision {@code scale}. The value must already be at that precision (trailing
     * zeros are padded, never rounded): e.g. 35 → "35", 1.2 at scale 1 → "1.2", 100 (as 1E+2) at scale 0 → "100".
     *
     * @throws IllegalArgumentException if the value has more significant decimals than {@code scale}
     */
    static Cell decimal(BigDecimal v, int scale) {
        return v == null ? missing() : new Decimal(exact(v, scale));
    }

    static Cell decimal(Optional<BigDecimal> v, int scale) {
        return decimal(v.orElse(null), scale);
    }

    /** A percentage (percent units) at {@code scale} decimals, not rounded (see {@link #decimal}). */
    static Cell percent(BigDecimal v, int scale) {
        return v == null ? missing() : new Percent(exact(v, scale));
    }

    static Cell percent(Optional<BigDecimal> v, int scale) {
        return percent(v.orElse(null), scale);
    }

    private static BigDecimal exact(BigDecimal v, int scale) {
        BigDecimal stripped = v.stripTrailingZeros();
        if (stripped.scale() > scale) {
            throw new IllegalArgumentException(v + " has more than " + scale
                    + " decimals: reports show evaluation results as reported and do not round them");
        }
        return stripped.setScale(scale);
    }

    /** A shown number has a reporting precision: a scale of 0 or more. */
    private static void requireScale(BigDecimal value) {
        Objects.requireNonNull(value, "value");
        if (value.scale() < 0) {
            throw new IllegalArgumentException("negative scale: " + value);
        }
    }
}
