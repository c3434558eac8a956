package org.envmon.standards.sea;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.envmon.standards.LimitTable;

/**
 * GB 3097-1997 single-indicator classification (Table 1; digest §8.2, [mem]) and the overall class, the worst
 * indicator class (the single-factor rule used in marine bulletins).
 *
 * <ul>
 *   <li>"≤" items: the first class 1…4 whose limit the value does not exceed; otherwise 劣四类. Shared limits go to the
 *       better class.</li>
 *   <li>DO: strictly greater than the class limit (digest: "&gt;" here, unlike GB 3838's "≥"). DO = 6 is class 2;
 *       DO ≤ 3 is 劣四类.</li>
 *   <li>pH: 7.8–8.5 is class 1 (1 and 2 share it), 6.8–8.8 class 3 (3 and 4 share it), both inclusive; otherwise
 *       劣四类. The additional condition "within 0.2 (classes 1–2) or 0.5 (classes 3–4) pH units of the area's normal
 *       variation" needs a baseline this library does not have; decision: not applied, the caller may check it.</li>
 *   <li>Cr(VI) and As rows are the digest's "other items" ([mem]).</li>
 * </ul>
 */
public final class SeawaterClassification {

    static final BigDecimal PH_1_2_MIN = new BigDecimal("7.8");
    static final BigDecimal PH_1_2_MAX = new BigDecimal("8.5");
    static final BigDecimal PH_3_4_MIN = new BigDecimal("6.8");
    static final BigDecimal PH_3_4_MAX = new BigDecimal("8.8");

    /** Table 1 limits for classes 1, 2, 3, 4 (DO: strict lower bounds; the rest: "≤"). */
    private static final LimitTable<SeawaterIndicator> LIMITS = new LimitTable<>(SeawaterIndicator.class)
            .row(SeawaterIndicator.DO, "6", "5", "4", "3")
            .row(SeawaterIndicator.COD, "2", "3", "4", "5")
            .row(SeawaterIndicator.BOD5, "1", "3", "4", "5")
            .row(SeawaterIndicator.DIN, "0.20", "0.30", "0.40", "0.50")
            .row(SeawaterIndicator.NH3_UNIONIZED, "0.020", "0.020", "0.020", "0.020")
            .row(SeawaterIndicator.PHOSPHATE, "0.015", "0.030", "0.030", "0.045")
            .row(SeawaterIndicator.PETROLEUM, "0.05", "0.05", "0.30", "0.50")
            .row(SeawaterIndicator.HG, "0.00005", "0.0002", "0.0002", "0.0005")
            .row(SeawaterIndicator.CD, "0.001", "0.005", "0.010", "0.010")
            .row(SeawaterIndicator.PB, "0.001", "0.005", "0.010", "0.050")
            .row(SeawaterIndicator.CR6, "0.005", "0.010", "0.020", "0.050")
            .row(SeawaterIndicator.AS, "0.020", "0.030", "0.050", "0.050");

    private SeawaterClassification() {
    }

    /** The class 1–4 limits of an indicator (not pH). */
    public static List<BigDecimal> limits(SeawaterIndicator indicator) {
        if (indicator == SeawaterIndicator.PH) {
            throw new IllegalArgumentException("pH has ranges, not limits");
        }
        return LIMITS.limits(indicator);
    }

    /** Inorganic nitrogen = NO3-N + NO2-N + NH3-N (digest §8.2), all as N. */
    public static BigDecimal inorganicNitrogen(BigDecimal nitrateN, BigDecimal nitriteN, BigDecimal ammoniaN) {
        return nitrateN.add(nitriteN).add(ammoniaN);
    }

    /** Class of one indicator value. */
    public static SeawaterClass classify(SeawaterIndicator indicator, BigDecimal value) {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0) {
            throw new IllegalArgumentException(indicator.column() + " must not be negative: " + value);
        }
        if (indicator == SeawaterIndicator.PH) {
            if (value.compareTo(PH_1_2_MIN) >= 0 && value.compareTo(PH_1_2_MAX) <= 0) {
                return SeawaterClass.CLASS_1;
            }
            if (value.compareTo(PH_3_4_MIN) >= 0 && value.compareTo(PH_3_4_MAX) <= 0) {
                return SeawaterClass.CLASS_3;
            }
            return SeawaterClass.WORSE_THAN_4;
        }
        return SeawaterClass.values()[LIMITS.firstClass(indicator, value, indicator == SeawaterIndicator.DO)];
    }

    /** Result: the class of each given indicator and the worst of them (empty when none was given). */
    public record Result(Optional<SeawaterClass> overall, Map<SeawaterIndicator, SeawaterClass> indicatorClasses) {
        public Result {
            indicatorClasses = Collections.unmodifiableMap(indicatorClasses.isEmpty()
                    ? new EnumMap<>(SeawaterIndicator.class) : new EnumMap<>(indicatorClasses));
        }
    }

    /** Classifies every given indicator (null values are missing); overall = worst. */
    public static Result classify(Map<SeawaterIndicator, BigDecimal> values) {
        LimitTable.Classes<SeawaterIndicator, SeawaterClass> c = LimitTable.classify(SeawaterIndicator.class, values,
                SeawaterClassification::classify);
        return new Result(c.overall(), c.byIndicator());
    }
}
