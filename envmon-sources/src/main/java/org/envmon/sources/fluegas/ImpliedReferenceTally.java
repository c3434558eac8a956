package org.envmon.sources.fluegas;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * For one outlet, which standard's reference O2 its device's converted figures imply, hour by hour: the check of a
 * registered reference against what the device actually applies, and a suggestion for an outlet registered without
 * one. Not thread-safe.
 */
public final class ImpliedReferenceTally {

    private final Map<ReferenceOxygen, Integer> matches = new EnumMap<>(ReferenceOxygen.class);
    private int counted;

    /** Counts a (measured, converted, O2) triple; those that imply nothing ({@link DeviceFigureCheck}) are skipped. */
    public void add(double measured, double converted, double oxygen) {
        OptionalDouble implied = DeviceFigureCheck.impliedReferenceOxygen(measured, converted, oxygen);
        if (implied.isEmpty()) {
            return;
        }
        counted++;
        DeviceFigureCheck.standardReference(implied.getAsDouble()).ifPresent(r -> matches.merge(r, 1, Integer::sum));
    }

    /** The standard reference that more than half of the counted triples imply, if any. */
    public Optional<ReferenceOxygen> majority() {
        return matches.entrySet().stream().filter(e -> 2 * e.getValue() > counted).map(Map.Entry::getKey).findFirst();
    }
}
