package org.envmon.standards.water;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluation of a river, basin or region from its sections (digest §5.3).
 *
 * <p>{@link #method()} tells how it was obtained: from the shares of classes (≥ 5 sections) or from the section
 * class of the averaged concentrations (fewer than 5). {@link #status()} is empty when the shares fall in the gap of
 * the table (I–III share in [60%, 75%) with 劣V share ≥ 40%): decision, surfaced as {@link #undetermined()} rather
 * than guessed. Since the two shares add up to at most 100%, the gap is the single point I–III = 60% and 劣V = 40%
 * (no class IV or V section), e.g. 3 of 5 sections I–III and 2 劣V.
 */
public final class GroupEvaluation {

    /** How the status was obtained. */
    public enum Method {
        /** Shares of section classes, ≥ 5 sections. */
        SHARES,
        /** Fewer than 5 sections: mean concentration per item, then the single-factor class. */
        MEAN_CONCENTRATION
    }

    private final Method method;
    private final int sections;
    private final Map<WaterClass, Integer> counts;
    private final WaterQualityStatus status;
    private final SectionClassResult meanResult;

    GroupEvaluation(Method method, Map<WaterClass, Integer> counts, WaterQualityStatus status,
            SectionClassResult meanResult) {
        this.method = method;
        EnumMap<WaterClass, Integer> c = new EnumMap<>(WaterClass.class);
        for (WaterClass wc : WaterClass.values()) {
            c.put(wc, counts.getOrDefault(wc, 0));
        }
        this.counts = Collections.unmodifiableMap(c);
        this.sections = c.values().stream().mapToInt(Integer::intValue).sum();
        this.status = status;
        this.meanResult = meanResult;
    }

    public Method method() {
        return method;
    }

    /** Number of sections with a class. */
    public int sections() {
        return sections;
    }

    /** Sections per class (every class present, possibly 0). */
    public Map<WaterClass, Integer> counts() {
        return counts;
    }

    /** Sections of class I to III. */
    public int countAtLeastIII() {
        return counts.get(WaterClass.I) + counts.get(WaterClass.II) + counts.get(WaterClass.III);
    }

    /** Share of class I–III sections in percent, rounded half-even to {@code scale} decimals (for display). */
    public BigDecimal shareAtLeastIIIPercent(int scale) {
        return percent(countAtLeastIII(), scale);
    }

    /** Share of 劣V sections in percent, rounded half-even to {@code scale} decimals (for display). */
    public BigDecimal shareWorseThanVPercent(int scale) {
        return percent(counts.get(WaterClass.WORSE_THAN_V), scale);
    }

    /** The status; empty only when {@link #undetermined()}. */
    public Optional<WaterQualityStatus> status() {
        return Optional.ofNullable(status);
    }

    /** True when the shares match no row of the table (the documented gap). */
    public boolean undetermined() {
        return status == null;
    }

    /** For {@link Method#MEAN_CONCENTRATION}: the classification of the mean concentrations. */
    public Optional<SectionClassResult> meanConcentrationResult() {
        return Optional.ofNullable(meanResult);
    }

    private BigDecimal percent(int count, int scale) {
        if (sections == 0) {
            return BigDecimal.ZERO.setScale(scale);
        }
        return BigDecimal.valueOf(100L * count).divide(BigDecimal.valueOf(sections), scale, RoundingMode.HALF_EVEN);
    }

    @Override
    public String toString() {
        return "GroupEvaluation[" + method + ", sections=" + sections + ", counts=" + counts + ", status="
                + (status == null ? "undetermined" : status.label()) + "]";
    }
}
