package org.envmon.evaluation.sources;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
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
import org.envmon.sources.screening.FlueGasHourSignal;

/**
 * Pollution-source outlets over the stores: a flue-gas or waste-water outlet's hours recomputed from its stored
 * values with the calculations of {@code envmon-sources}. Only valid values are used (the review decision where one
 * applies, else QC). Requests it cannot answer throw {@link InvalidRequest}, unknown outlets
 * {@link org.envmon.model.NotFound}. Thread-safe.
 */
public class SourceEmissionsService {
    /** HJ 212-2017 Annex B: O2, the flue-gas flow and the waste-water flow. */
    static final String OXYGEN = "a19001";
    static final String FLUE_GAS_FLOW = "a00000";
    static final String WASTE_WATER_FLOW = "w00000";
    /** Smoke dust, SO2, NOx: the pollutants a flue-gas CEMS converts. */
    static final List<String> FLUE_GAS_POLLUTANTS = List.of("a34013", "a21026", "a21002");
    /** COD, NH3-N, TP, TN: the loads of a waste-water outlet. */
    static final List<String> WASTE_WATER_POLLUTANTS = List.of("w01018", "w21003", "w21011", "w21001");
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
     * The hours of an outlet in {@code [from, to)}, by its kind: a flue-gas outlet's as {@link #flueGasHours}, a
     * waste-water outlet's as {@link #wasteWaterHours} (which takes no facility kind).
     */
    public OutletHours hours(String outletCode, Instant from, Instant to, Optional<ReferenceOxygen> facility) {
        Medium kind = sites.require(outletCode).medium();
        if (kind == Medium.SOURCE_WATER && facility.isPresent()) {
            throw new InvalidRequest("site " + outletCode + " is a waste-water outlet: no reference O2 applies");
        }
        return kind == Medium.SOURCE_WATER ? wasteWaterHours(outletCode, from, to)
                : flueGasHours(outletCode, from, to, facility);
    }

    /**
     * The hours of a flue-gas outlet in {@code [from, to)}.
     *
     * @param facility the outlet's facility kind; when empty, the reference most of the device's converted figures in
     *                 the period imply ({@link ImpliedReferenceTally}), if any
     */
    public OutletHours flueGasHours(String outletCode, Instant from, Instant to, Optional<ReferenceOxygen> facility) {
        Site outlet = outlet(outletCode, Medium.SOURCE_GAS, from, to);
        Series s = read(outletCode, FLUE_GAS_POLLUTANTS, FLUE_GAS_FLOW, true, from, to);
        Optional<ReferenceOxygen> reference = facility;
        OutletHours.ReferenceSource source = OutletHours.ReferenceSource.GIVEN;
        if (facility.isEmpty()) {
            ImpliedReferenceTally tally = new ImpliedReferenceTally();
            for (Instant t : s.times()) {
                for (String code : FLUE_GAS_POLLUTANTS) {
                    Double m = s.measured().get(code).get(t);
                    Double z = s.deviceConverted().get(code).get(t);
                    Double o = s.oxygen().get(t);
                    if (m != null && z != null && o != null) {
                        tally.add(m, z, o);
                    }
                }
            }
            reference = tally.majority();
            source = reference.isPresent() ? OutletHours.ReferenceSource.IMPLIED_BY_DEVICE
                    : OutletHours.ReferenceSource.NONE;
        }
        Optional<ReferenceOxygen> ref = reference;
        return new OutletHours(outlet, reference, source, hours(s, FLUE_GAS_POLLUTANTS, (m, o2) -> convert(m, o2, ref),
                EmissionAmount::flueGasAmount));
    }

    /** The hours of a waste-water outlet in {@code [from, to)}: loads from concentration and discharged volume. */
    public OutletHours wasteWaterHours(String outletCode, Instant from, Instant to) {
        Site outlet = outlet(outletCode, Medium.SOURCE_WATER, from, to);
        Series s = read(outletCode, WASTE_WATER_POLLUTANTS, WASTE_WATER_FLOW, false, from, to);
        return new OutletHours(outlet, Optional.empty(), OutletHours.ReferenceSource.NONE,
                hours(s, WASTE_WATER_POLLUTANTS, (m, o2) -> null, EmissionAmount::wasteWaterAmount));
    }

    private Site outlet(String code, Medium kind, Instant from, Instant to) {
        Site outlet = sites.require(code);
        if (outlet.medium() != kind) {
            throw new InvalidRequest("site " + code + " is not a " + (kind == Medium.SOURCE_GAS ? "flue-gas"
                    : "waste-water") + " outlet (" + outlet.medium().code() + ")");
        }
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            throw new InvalidRequest("the period must be from before to and at most 31 days");
        }
        return outlet;
    }

    /** An outlet's stored hourly values in a period: O2, volume and, per pollutant, measured, converted, amount. */
    private record Series(boolean withOxygen, Map<Instant, Double> oxygen, Map<Instant, Double> volume,
                          Map<String, Map<Instant, Double>> measured, Map<String, Map<Instant, Double>> deviceConverted,
                          Map<String, Map<Instant, Double>> deviceAmount, TreeSet<Instant> times) {
    }

    private Series read(String site, List<String> pollutants, String flow, boolean withOxygen, Instant from,
            Instant to) {
        Map<Instant, Double> oxygen = withOxygen ? values(site, OXYGEN, Statistic.VALUE, from, to) : Map.of();
        Series s = new Series(withOxygen, oxygen, values(site, flow, Statistic.COU, from, to), new HashMap<>(),
                new HashMap<>(), new HashMap<>(), new TreeSet<>(oxygen.keySet()));
        for (String code : pollutants) {
            s.measured().put(code, values(site, code, Statistic.VALUE, from, to));
            s.deviceConverted().put(code, withOxygen ? values(site, code, Statistic.CONVERTED, from, to) : Map.of());
            s.deviceAmount().put(code, values(site, code, Statistic.COU, from, to));
            s.times().addAll(s.measured().get(code).keySet());
        }
        return s;
    }

    /** A converted mean, or why there is none. */
    private static ConvertedConcentration.Result convert(Double measured, Double oxygen,
            Optional<ReferenceOxygen> reference) {
        return reference.map(r -> ConvertedConcentration.of(measured, oxygen, r)).orElse(
                new ConvertedConcentration.Undefined(ConvertedConcentration.Reason.REFERENCE_OXYGEN_UNKNOWN));
    }

    private static List<OutletHours.Hour> hours(Series s, List<String> pollutants,
            BiFunction<Double, Double, ConvertedConcentration.Result> conversion,
            BiFunction<Double, Double, Double> amountOf) {
        List<OutletHours.Hour> hours = new ArrayList<>(s.times().size());
        for (Instant t : s.times()) {
            Double o2 = s.oxygen().get(t);
            Double v = s.volume().get(t);
            List<OutletHours.PollutantHour> out = new ArrayList<>();
            for (String code : pollutants) {
                Double m = s.measured().get(code).get(t);
                Double z = s.deviceConverted().get(code).get(t);
                Double c = s.deviceAmount().get(code).get(t);
                if (m == null && z == null && c == null) {
                    continue;
                }
                ConvertedConcentration.Result r = conversion.apply(m, o2);
                Double mine = r instanceof ConvertedConcentration.Converted ok ? ok.value() : null;
                String why = r instanceof ConvertedConcentration.Undefined u ? u.reason().name().toLowerCase() : null;
                Boolean convertedAgrees = mine != null && z != null ? DeviceFigureCheck.agrees(mine, z) : null;
                Double amount = amountOf.apply(m, v);
                Boolean amountAgrees = amount != null && c != null ? DeviceFigureCheck.agrees(amount, c) : null;
                out.add(new OutletHours.PollutantHour(code, m, mine, why, z, convertedAgrees, amount, c,
                        amountAgrees));
            }
            hours.add(new OutletHours.Hour(t, o2, v, out, s.withOxygen() ? FlueGasHourSignal.of(o2, v) : Set.of()));
        }
        return hours;
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
