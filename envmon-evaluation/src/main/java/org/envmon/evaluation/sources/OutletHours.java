package org.envmon.evaluation.sources;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.envmon.model.Site;
import org.envmon.sources.fluegas.ReferenceOxygen;
import org.envmon.sources.screening.FlueGasHourSignal;

/**
 * An outlet's hours (CN 2061) as received and as the platform recomputes them: each pollutant's measured mean, its
 * emission amount and, for flue gas, its mean converted to the reference O2, beside the figures the device sent
 * itself.
 *
 * @param reference the reference O2 used, and where it came from (none for waste water)
 */
public record OutletHours(Site outlet, Optional<ReferenceOxygen> reference, ReferenceSource referenceSource,
                          List<Hour> hours) {

    /** How many of the device's converted means agree with the platform's. */
    public Agreement converted() {
        return agreement(PollutantHour::convertedAgrees);
    }

    /** How many of the device's emission amounts agree with the platform's. */
    public Agreement amounts() {
        return agreement(PollutantHour::amountAgrees);
    }

    /** The same outlet with only the hours that start before {@code end} (what the public may see). */
    public OutletHours before(Instant end) {
        return new OutletHours(outlet, reference, referenceSource,
                hours.stream().filter(h -> h.time().isBefore(end)).toList());
    }

    private Agreement agreement(java.util.function.Function<PollutantHour, Boolean> agrees) {
        int compared = 0;
        int agreeing = 0;
        for (Hour h : hours) {
            for (PollutantHour p : h.pollutants()) {
                Boolean a = agrees.apply(p);
                compared += a == null ? 0 : 1;
                agreeing += Boolean.TRUE.equals(a) ? 1 : 0;
            }
        }
        return new Agreement(compared, agreeing);
    }

    /** Where the reference O2 came from. */
    public enum ReferenceSource {
        /** Named in the request (the outlet's facility kind). */
        GIVEN,
        /** Implied by most of the device's own converted figures in the period. */
        IMPLIED_BY_DEVICE,
        /** Neither, or waste water: no converted figures are recomputed. */
        NONE
    }

    /**
     * One hour (interval start): O2 (%, flue gas only) and the hour's volume: dry flue gas at the standard state
     * ({@code -Cou} of a00000) or waste water ({@code -Cou} of w00000), m³; for flue gas, what O2 and volume say
     * about the facility or its analyser ({@link FlueGasHourSignal}).
     */
    public record Hour(Instant time, Double oxygen, Double volume, List<PollutantHour> pollutants,
                       Set<FlueGasHourSignal> signals) {
    }

    /**
     * One pollutant in one hour; {@code null} where a figure is missing or cannot be computed.
     *
     * @param notConverted why there is no converted mean ({@code oxygen_at_or_above_ambient},
     *                     {@code reference_oxygen_unknown}, ...), or {@code null}
     */
    public record PollutantHour(String code, Double measured, Double converted, String notConverted,
                                Double deviceConverted, Boolean convertedAgrees, Double amountKg,
                                Double deviceAmountKg, Boolean amountAgrees) {
    }

    /** Compared pairs and the agreeing ones. */
    public record Agreement(int compared, int agreeing) {
    }
}
