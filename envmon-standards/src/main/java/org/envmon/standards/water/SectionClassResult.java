package org.envmon.standards.water;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Result of classifying one section (one sample or one averaged period) by the single-factor method.
 *
 * <p>{@link #parameterClasses()} holds every parameter that was given, including the ones that do not count for the
 * section class (TN, fecal coliform). {@link #sectionClass()} is the worst class over the counted parameters and is
 * empty when none was given. {@link #exceedances()} lists counted "≤" parameters worse than class III, largest
 * multiple first, ties in Table 1 order.
 */
public final class SectionClassResult {

    /** Number of main pollution items reported for a section worse than class III (digest §5.3). */
    public static final int MAIN_POLLUTANT_COUNT = 3;

    private final WaterClass sectionClass;
    private final Map<WaterParameter, WaterClass> parameterClasses;
    private final List<Exceedance> exceedances;
    private final Set<WaterParameter> counted;
    private final Map<WaterParameter, BigDecimal> values;

    SectionClassResult(WaterClass sectionClass, Map<WaterParameter, WaterClass> parameterClasses,
            Set<WaterParameter> counted, List<Exceedance> exceedances, Map<WaterParameter, BigDecimal> values) {
        this.values = Collections.unmodifiableMap(
                values.isEmpty() ? new EnumMap<>(WaterParameter.class) : new EnumMap<>(values));
        this.sectionClass = sectionClass;
        this.counted = Collections.unmodifiableSet(
                counted.isEmpty() ? EnumSet.noneOf(WaterParameter.class) : EnumSet.copyOf(counted));
        this.parameterClasses = Collections.unmodifiableMap(
                parameterClasses.isEmpty() ? new EnumMap<>(WaterParameter.class) : new EnumMap<>(parameterClasses));
        this.exceedances = List.copyOf(exceedances);
    }

    /** The section class, empty when no counted parameter was given. */
    public Optional<WaterClass> sectionClass() {
        return Optional.ofNullable(sectionClass);
    }

    /**
     * The values as classed, in Table 1 order: the given values, rounded when a {@link WaterRounding} was applied
     * (the values a publication would show beside the class).
     */
    public Map<WaterParameter, BigDecimal> values() {
        return values;
    }

    /** Class of each given parameter, in Table 1 order. */
    public Map<WaterParameter, WaterClass> parameterClasses() {
        return parameterClasses;
    }

    /** The given parameters that counted for the section class under the scope used. */
    public Set<WaterParameter> countedParameters() {
        return counted;
    }

    /** Class of one parameter, empty when it was not given. */
    public Optional<WaterClass> classOf(WaterParameter parameter) {
        return Optional.ofNullable(parameterClasses.get(parameter));
    }

    /** Counted parameters worse than class III that have a multiple, largest multiple first. */
    public List<Exceedance> exceedances() {
        return exceedances;
    }

    /**
     * Main pollution items (主要污染指标): the top three of {@link #exceedances()} when the section is worse than class
     * III, otherwise empty (digest §5.3; tie-break by Table 1 order, a documented default).
     */
    public List<Exceedance> mainPollutants() {
        if (sectionClass == null || !sectionClass.isWorseThan(WaterClass.III)) {
            return List.of();
        }
        return exceedances.subList(0, Math.min(MAIN_POLLUTANT_COUNT, exceedances.size()));
    }

    /** The counted parameters that set the section class (all those at the worst class). */
    public List<WaterParameter> decidingParameters() {
        if (sectionClass == null) {
            return List.of();
        }
        return parameterClasses.entrySet().stream()
                .filter(e -> e.getValue() == sectionClass && counted.contains(e.getKey()))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Status of the section under the routine method (digest §5.3), empty with the class. */
    public Optional<WaterQualityStatus> status() {
        return sectionClass().map(WaterQualityStatus::ofSection);
    }

    @Override
    public String toString() {
        return "SectionClassResult[class=" + (sectionClass == null ? "-" : sectionClass.label())
                + ", parameters=" + parameterClasses + ", exceedances=" + exceedances + "]";
    }
}
