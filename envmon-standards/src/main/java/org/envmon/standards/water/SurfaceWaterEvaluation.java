package org.envmon.standards.water;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Routine evaluation of surface water, 地表水环境质量评价办法（试行）环办〔2011〕22号 (digest §5.3, [mem]).
 *
 * <p>Section status from the section class; river, basin or region status from the shares of classes when there
 * are at least {@value #MIN_SECTIONS_FOR_SHARES} sections, otherwise from the class of the mean concentrations.
 * Share thresholds are compared exactly in integer arithmetic (e.g. "≥ 90%" is {@code 10·n(I–III) ≥ 9·n}).
 */
public final class SurfaceWaterEvaluation {

    /** Digest §5.3: the share table applies to rivers/basins with 5 sections or more. */
    public static final int MIN_SECTIONS_FOR_SHARES = 5;

    private SurfaceWaterEvaluation() {
    }

    /** Status of one section (digest §5.3 first table). */
    public static WaterQualityStatus sectionStatus(WaterClass sectionClass) {
        return WaterQualityStatus.ofSection(sectionClass);
    }

    /**
     * Status from the shares of section classes (digest §5.3 second table). Rows, with p = I–III share and
     * q = 劣V share: p ≥ 90% 优; 75% ≤ p &lt; 90% 良好; p &lt; 75% and q &lt; 20% 轻度污染; p &lt; 75% and
     * 20% ≤ q &lt; 40% 中度污染; p &lt; 60% and q ≥ 40% 重度污染; anything else (60% ≤ p &lt; 75%, q ≥ 40%) is
     * undetermined (documented decision, see {@link GroupEvaluation}).
     *
     * @throws IllegalArgumentException with fewer than {@value #MIN_SECTIONS_FOR_SHARES} sections
     */
    public static GroupEvaluation evaluateByShares(Collection<WaterClass> sectionClasses) {
        Objects.requireNonNull(sectionClasses, "sectionClasses");
        if (sectionClasses.size() < MIN_SECTIONS_FOR_SHARES) {
            throw new IllegalArgumentException("the share method needs at least " + MIN_SECTIONS_FOR_SHARES
                    + " sections, got " + sectionClasses.size());
        }
        Map<WaterClass, Integer> counts = new EnumMap<>(WaterClass.class);
        for (WaterClass c : sectionClasses) {
            counts.merge(Objects.requireNonNull(c, "section class"), 1, Integer::sum);
        }
        long n = sectionClasses.size();
        long good = counts.getOrDefault(WaterClass.I, 0) + counts.getOrDefault(WaterClass.II, 0)
                + counts.getOrDefault(WaterClass.III, 0);
        long bad = counts.getOrDefault(WaterClass.WORSE_THAN_V, 0);
        WaterQualityStatus status;
        if (100 * good >= 90 * n) {
            status = WaterQualityStatus.EXCELLENT;
        } else if (100 * good >= 75 * n) {
            status = WaterQualityStatus.GOOD;
        } else if (100 * bad < 20 * n) {
            status = WaterQualityStatus.LIGHTLY_POLLUTED;
        } else if (100 * bad < 40 * n) {
            status = WaterQualityStatus.MODERATELY_POLLUTED;
        } else if (100 * good < 60 * n) {
            status = WaterQualityStatus.HEAVILY_POLLUTED;
        } else {
            status = null; // the gap of the table
        }
        return new GroupEvaluation(GroupEvaluation.Method.SHARES, counts, status, null);
    }

    /** {@link #evaluateSections(List, Waterbody, WaterRounding)} on the values as given (nothing rounded). */
    public static GroupEvaluation evaluateSections(List<Map<WaterParameter, BigDecimal>> sections,
            Waterbody waterbody) {
        return evaluateSections(sections, waterbody, WaterRounding.NONE);
    }

    /**
     * Evaluates a river, basin or region from per-section concentrations: the share method with ≥ 5 sections
     * (each section classified under the routine scope), otherwise the arithmetic mean of each item over the sections
     * that report it, classified by the single-factor method (digest §5.3, [mem]); the per-section class counts are
     * then given for information only. Means are exact to 34 significant digits (DECIMAL128); every classification
     * (each section's, and the means') rounds its values by {@code rounding} first, the means once, from the exact
     * mean (GB/T 8170-2008 §3.3, no chained rounding).
     */
    public static GroupEvaluation evaluateSections(List<Map<WaterParameter, BigDecimal>> sections,
            Waterbody waterbody, WaterRounding rounding) {
        Objects.requireNonNull(sections, "sections");
        Objects.requireNonNull(rounding, "rounding");
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("no sections");
        }
        if (sections.size() >= MIN_SECTIONS_FOR_SHARES) {
            List<WaterClass> classes = sections.stream()
                    .map(s -> SurfaceWaterClassification.classifySection(s, waterbody, rounding).sectionClass()
                            .orElseThrow(() -> new IllegalArgumentException("a section has no routine parameter")))
                    .toList();
            return evaluateByShares(classes);
        }
        Map<WaterParameter, BigDecimal> means = meanConcentrations(sections);
        SectionClassResult r = SurfaceWaterClassification.classifySection(means, waterbody, rounding);
        WaterClass c = r.sectionClass()
                .orElseThrow(() -> new IllegalArgumentException("the sections have no routine parameter"));
        Map<WaterClass, Integer> counts = new EnumMap<>(WaterClass.class);
        for (Map<WaterParameter, BigDecimal> s : sections) {
            SurfaceWaterClassification.classifySection(s, waterbody, rounding).sectionClass()
                    .ifPresent(sc -> counts.merge(sc, 1, Integer::sum));
        }
        return new GroupEvaluation(GroupEvaluation.Method.MEAN_CONCENTRATION, counts,
                WaterQualityStatus.ofSection(c), r);
    }

    /** Mean of each parameter over the sections that report it (DECIMAL128). */
    public static Map<WaterParameter, BigDecimal> meanConcentrations(List<Map<WaterParameter, BigDecimal>> sections) {
        Map<WaterParameter, BigDecimal> sums = new EnumMap<>(WaterParameter.class);
        Map<WaterParameter, Integer> counts = new EnumMap<>(WaterParameter.class);
        for (Map<WaterParameter, BigDecimal> s : sections) {
            s.forEach((p, v) -> {
                if (v != null) {
                    sums.merge(p, v, BigDecimal::add);
                    counts.merge(p, 1, Integer::sum);
                }
            });
        }
        Map<WaterParameter, BigDecimal> means = new EnumMap<>(WaterParameter.class);
        sums.forEach((p, sum) -> means.put(p, sum.divide(BigDecimal.valueOf(counts.get(p)), MathContext.DECIMAL128)));
        return means;
    }
}
