package org.envmon.standards.water;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * GB 3838-2002 single-factor classification (§5; digest §5.2), with the item selection of the routine method
 * (环办〔2011〕22号, digest §5.3) by default.
 *
 * <ul>
 *   <li>"≤" items: the first class I, II, … whose limit the value does not exceed; DO ("≥"): the first class whose
 *       limit the value reaches. Shared limits go to the better class (从优不从劣) because classes are tried from I.</li>
 *   <li>A value failing class V is 劣V.</li>
 *   <li>pH: 6 ≤ pH ≤ 9 meets every class and is reported as class I; outside it is 劣V. Digest §5.2 marks the
 *       official handling [unconfirmed]; decision: follow the common implementations (劣V), as the digest asks.</li>
 *   <li>Values are compared exactly as given (BigDecimal), unless a {@link WaterRounding} is passed to
 *       {@link #classifySection(Map, Waterbody, EvaluationScope, WaterRounding)}: then each value is first rounded to
 *       its reporting precision, as the national publication classes it. The product's evaluation path goes through
 *       that entry point with the deployment's policy. A value reported as "not detected" should be passed as 0 or
 *       its detection-limit substitute; it meets class I for every "≤" item.</li>
 *   <li>Negative concentrations, and pH outside 0–14, are rejected with {@link IllegalArgumentException}.</li>
 * </ul>
 */
public final class SurfaceWaterClassification {

    private static final BigDecimal PH_ABS_MAX = new BigDecimal("14");

    private SurfaceWaterClassification() {
    }

    /** Class of one value of one parameter (digest §5.2 single-factor rule). */
    public static WaterClass classify(WaterParameter parameter, BigDecimal value, Waterbody waterbody) {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(waterbody, "waterbody");
        validate(parameter, value);
        switch (parameter.limit()) {
            case RANGE:
                return value.compareTo(Gb3838Table1.PH_MIN) >= 0 && value.compareTo(Gb3838Table1.PH_MAX) <= 0
                        ? WaterClass.I : WaterClass.WORSE_THAN_V;
            case AT_LEAST: {
                List<BigDecimal> limits = Gb3838Table1.limits(parameter, waterbody);
                for (int i = 0; i < limits.size(); i++) {
                    if (value.compareTo(limits.get(i)) >= 0) {
                        return WaterClass.values()[i];
                    }
                }
                return WaterClass.WORSE_THAN_V;
            }
            default: {
                List<BigDecimal> limits = Gb3838Table1.limits(parameter, waterbody);
                for (int i = 0; i < limits.size(); i++) {
                    if (value.compareTo(limits.get(i)) <= 0) {
                        return WaterClass.values()[i];
                    }
                }
                return WaterClass.WORSE_THAN_V;
            }
        }
    }

    /**
     * The exceedance over class III (digest §5.3), empty when the parameter has no multiple (pH, DO) or the value
     * meets class III.
     */
    public static Optional<Exceedance> exceedance(WaterParameter parameter, BigDecimal value, Waterbody waterbody) {
        validate(parameter, value);
        if (!parameter.hasExceedanceMultiple()) {
            return Optional.empty();
        }
        BigDecimal s3 = Gb3838Table1.limit(parameter, waterbody, WaterClass.III);
        return value.compareTo(s3) > 0 ? Optional.of(new Exceedance(parameter, value, s3)) : Optional.empty();
    }

    /** Section class under the routine scope ({@link EvaluationScope#ROUTINE}); missing parameters are absent. */
    public static SectionClassResult classifySection(Map<WaterParameter, BigDecimal> values, Waterbody waterbody) {
        return classifySection(values, waterbody, EvaluationScope.ROUTINE);
    }

    /** Section class under the routine scope of the values rounded by {@code rounding}. */
    public static SectionClassResult classifySection(Map<WaterParameter, BigDecimal> values, Waterbody waterbody,
            WaterRounding rounding) {
        return classifySection(values, waterbody, EvaluationScope.ROUTINE, rounding);
    }

    /**
     * Section class: the worst class over the parameters the scope counts (digest §5.2); every given parameter is
     * classified. Null values in the map are treated as missing. Values compared as given.
     */
    public static SectionClassResult classifySection(Map<WaterParameter, BigDecimal> values, Waterbody waterbody,
            EvaluationScope scope) {
        return classifySection(values, waterbody, scope, WaterRounding.NONE);
    }

    /**
     * Section class of the values rounded by {@code rounding} (each given value is checked unrounded, then rounded
     * once and classed; {@link SectionClassResult#values()} holds the values as classed, which exceedances and
     * indices are computed from).
     */
    public static SectionClassResult classifySection(Map<WaterParameter, BigDecimal> values, Waterbody waterbody,
            EvaluationScope scope, WaterRounding rounding) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(waterbody, "waterbody");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(rounding, "rounding");
        Map<WaterParameter, WaterClass> classes = new EnumMap<>(WaterParameter.class);
        Map<WaterParameter, BigDecimal> classed = new EnumMap<>(WaterParameter.class);
        Set<WaterParameter> counted = EnumSet.noneOf(WaterParameter.class);
        List<Exceedance> exceedances = new ArrayList<>();
        WaterClass worst = null;
        for (WaterParameter p : WaterParameter.values()) {
            BigDecimal raw = values.get(p);
            if (raw == null) {
                continue;
            }
            validate(p, raw);
            BigDecimal v = rounding.round(p, raw);
            classed.put(p, v);
            WaterClass c = classify(p, v, waterbody);
            classes.put(p, c);
            if (scope.counts(p, waterbody)) {
                counted.add(p);
                worst = worst == null ? c : WaterClass.worst(worst, c);
                exceedance(p, v, waterbody).ifPresent(exceedances::add);
            }
        }
        // Largest multiple first; a stable sort keeps Table 1 order for ties (documented default, digest §5.3).
        exceedances.sort(Exceedance.BY_MULTIPLE_DESCENDING);
        return new SectionClassResult(worst, classes, counted, exceedances, classed);
    }

    private static void validate(WaterParameter parameter, BigDecimal value) {
        Objects.requireNonNull(value, () -> parameter + " value");
        if (value.signum() < 0) {
            throw new IllegalArgumentException(parameter.column() + " must not be negative: " + value);
        }
        if (parameter == WaterParameter.PH && value.compareTo(PH_ABS_MAX) > 0) {
            throw new IllegalArgumentException("pH must be within 0-14: " + value);
        }
    }
}
