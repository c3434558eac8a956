package org.envmon.evaluation.sources;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.envmon.model.InvalidRequest;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.Observation;
import org.envmon.model.ObservationQuery;
import org.envmon.model.ObservationStore;
import org.envmon.model.Site;
import org.envmon.model.SiteStore;
import org.envmon.model.Statistic;
import org.envmon.sources.EmissionAmount;
import org.envmon.sources.fluegas.ConvertedConcentration;
import org.envmon.sources.fluegas.DeviceFigureCheck;
import org.envmon.sources.fluegas.ImpliedReferenceTally;
import org.envmon.sources.fluegas.ReferenceOxygen;

/**
 * Pollution-source outlets over the stores: a flue-gas outlet's hours recomputed from its stored values with the
 * calculations of {@code envmon-sources}. Only valid values are used (the review decision where one applies, else
 * QC). Requests it cannot answer throw {@link InvalidRequest}, unknown outlets {@link org.envmon.model.NotFound}.
 * Thread-safe.
 */
public class SourceEmissionsService {
    /** HJ 212-2017 Annex B: O2 and the flue-gas flow. */
    static final String OXYGEN = "a19001";
    static final String FLUE_GAS_FLOW = "a00000";
    /** Smoke dust, SO2, NOx: the pollutants a flue-gas CEMS converts. */
    static final List<String> FLUE_GAS_POLLUTANTS = List.of("a34013", "a21026", "a21002");
    /** At most a month of hours per request (a size limit, like the other period reads). */
    public static final Duration MAX_PERIOD = Duration.ofDays(31);
    private static final int MAX_ROWS = 24 * 31 + 1;

    private final SiteStore sites;
    private final ObservationStore observations;

    public SourceEmissionsService(SiteStore sites, ObservationStore observations) {
        this.sites = Objects.requireNonNull(sites, "sites");
        this.observations = Objects.requireNonNull(observations, "observations");
    }

    /**
     * The hours of a flue-gas outlet in {@code [from, to)}.
     *
     * @param facility the outlet's facility kind; when empty, the reference most of the device's converted figures in
     *                 the period imply ({@link ImpliedReferenceTally}), if any
     */
    public FlueGasHours flueGasHours(String outletCode, Instant from, Instant to, Optional<ReferenceOxygen> facility) {
        Site outlet = sites.require(outletCode);
        if (outlet.medium() != Medium.SOURCE_GAS) {
            throw new InvalidRequest("site " + outletCode + " is not a flue-gas outlet ("
                    + outlet.medium().code() + ")");
        }
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            throw new InvalidRequest("the period must be from before to and at most 31 days");
        }
        Map<Instant, Double> oxygen = values(outletCode, OXYGEN, Statistic.VALUE, from, to);
        Map<Instant, Double> volume = values(outletCode, FLUE_GAS_FLOW, Statistic.COU, from, to);
        Map<String, Map<Instant, Double>> measured = new HashMap<>();
        Map<String, Map<Instant, Double>> deviceConverted = new HashMap<>();
        Map<String, Map<Instant, Double>> deviceAmount = new HashMap<>();
        TreeSet<Instant> times = new TreeSet<>(oxygen.keySet());
        for (String code : FLUE_GAS_POLLUTANTS) {
            measured.put(code, values(outletCode, code, Statistic.VALUE, from, to));
            deviceConverted.put(code, values(outletCode, code, Statistic.CONVERTED, from, to));
            deviceAmount.put(code, values(outletCode, code, Statistic.COU, from, to));
            times.addAll(measured.get(code).keySet());
        }

        Optional<ReferenceOxygen> reference = facility;
        FlueGasHours.ReferenceSource source = FlueGasHours.ReferenceSource.GIVEN;
        if (facility.isEmpty()) {
            ImpliedReferenceTally tally = new ImpliedReferenceTally();
            for (Instant t : times) {
                for (String code : FLUE_GAS_POLLUTANTS) {
                    Double m = measured.get(code).get(t);
                    Double z = deviceConverted.get(code).get(t);
                    Double o = oxygen.get(t);
                    if (m != null && z != null && o != null) {
                        tally.add(m, z, o);
                    }
                }
            }
            reference = tally.majority();
            source = reference.isPresent() ? FlueGasHours.ReferenceSource.IMPLIED_BY_DEVICE
                    : FlueGasHours.ReferenceSource.NONE;
        }

        List<FlueGasHours.Hour> hours = new ArrayList<>(times.size());
        for (Instant t : times) {
            Double o2 = oxygen.get(t);
            Double v = volume.get(t);
            List<FlueGasHours.PollutantHour> pollutants = new ArrayList<>();
            for (String code : FLUE_GAS_POLLUTANTS) {
                Double m = measured.get(code).get(t);
                Double z = deviceConverted.get(code).get(t);
                Double c = deviceAmount.get(code).get(t);
                if (m == null && z == null && c == null) {
                    continue;
                }
                Double mine = null;
                String why = null;
                if (reference.isPresent()) {
                    ConvertedConcentration.Result r = ConvertedConcentration.of(m, o2, reference.get());
                    if (r instanceof ConvertedConcentration.Converted ok) {
                        mine = ok.value();
                    } else {
                        why = ((ConvertedConcentration.Undefined) r).reason().name().toLowerCase();
                    }
                } else {
                    why = "no_reference_oxygen";
                }
                Boolean convertedAgrees = mine != null && z != null ? DeviceFigureCheck.agrees(mine, z) : null;
                Double amount = EmissionAmount.flueGasAmount(m, v);
                Boolean amountAgrees = amount != null && c != null ? DeviceFigureCheck.agrees(amount, c) : null;
                pollutants.add(new FlueGasHours.PollutantHour(code, m, mine, why, z, convertedAgrees, amount, c,
                        amountAgrees));
            }
            hours.add(new FlueGasHours.Hour(t, o2, v, pollutants));
        }
        return new FlueGasHours(outlet, reference, source, hours);
    }

    /** The valid hourly values of one parameter and statistic, by time. */
    private Map<Instant, Double> values(String site, String parameter, Statistic statistic, Instant from, Instant to) {
        Map<Instant, Double> byTime = new HashMap<>();
        for (Observation o : observations.query(new ObservationQuery(site, parameter, Interval.HOUR, statistic, from,
                to, MAX_ROWS))) {
            if (o.effectiveValid()) {
                byTime.put(o.time(), o.value());
            }
        }
        return byTime;
    }
}
