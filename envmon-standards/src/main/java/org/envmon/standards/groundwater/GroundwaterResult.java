package org.envmon.standards.groundwater;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Classes of the indicators given and the overall class, the worst of them (GB/T 14848-2017 §8; digest §8.1).
 *
 * @param overall         empty when no indicator was given
 * @param indicatorClasses class of each given indicator, in table order
 */
public record GroundwaterResult(Optional<GroundwaterClass> overall,
        Map<GroundwaterIndicator, GroundwaterClass> indicatorClasses) {

    public GroundwaterResult {
        indicatorClasses = Collections.unmodifiableMap(indicatorClasses.isEmpty()
                ? new EnumMap<>(GroundwaterIndicator.class) : new EnumMap<>(indicatorClasses));
    }

    /** The indicators at the overall class. */
    public List<GroundwaterIndicator> decidingIndicators() {
        return overall.map(c -> indicatorClasses.entrySet().stream().filter(e -> e.getValue() == c)
                .map(Map.Entry::getKey).toList()).orElse(List.of());
    }
}
