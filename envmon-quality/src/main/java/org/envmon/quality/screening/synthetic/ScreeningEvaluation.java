package org.envmon.quality.screening.synthetic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.envmon.quality.screening.Detector;
import org.envmon.quality.screening.HourlySeries;
import org.envmon.quality.screening.NeighbourPolicy;
import org.envmon.quality.screening.SiteContext;
import org.envmon.quality.screening.Suspicion;
import org.envmon.model.Site;

/**
 * Scores a detector on real series with synthetic tampering injected.
 *
 * <p>Protocol. In each city, among the sites with at least half of their hours present, a share
 * ({@code tamperShare}) chosen at random (fixed seed) gets one tampering of the given type at a random window; the
 * others stay untouched. Every such site is then screened against its neighbours (the tampered series included, as
 * in real life). Units are <b>site-weeks</b>: consecutive 168-h blocks from the series start.
 * <ul>
 * <li>a unit is <em>tampered</em> when it overlaps a tampered window by at least one hour;</li>
 * <li>a unit is <em>flagged</em> when an alert overlaps it by at least 24 h (or by the whole alert, if shorter);</li>
 * <li>precision = flagged tampered units / flagged units (real data may hold real anomalies: they count against);</li>
 * <li>recall = tampering events with at least one alert of the site overlapping the tampered window / events.</li>
 * </ul>
 */
public final class ScreeningEvaluation {

    /** Week = the evaluation unit. */
    public static final int UNIT_HOURS = 168;

    /** Counts and the derived figures of one detector on one scenario. */
    public record Score(String detector, int sites, int events, int detected, int units, int tamperedUnits,
            int flaggedUnits, int truePositiveUnits, int alerts) {

        /** NaN when nothing was flagged. */
        public double precision() {
            return flaggedUnits == 0 ? Double.NaN : (double) truePositiveUnits / flaggedUnits;
        }

        /** Event recall; NaN without events. */
        public double recall() {
            return events == 0 ? Double.NaN : (double) detected / events;
        }

        /** Flagged clean units per 1000 clean units. */
        public double falseAlarmsPer1000() {
            int clean = units - tamperedUnits;
            return clean == 0 ? Double.NaN : 1000.0 * (flaggedUnits - truePositiveUnits) / clean;
        }

        public Score plus(Score o) {
            return new Score(detector, sites + o.sites, events + o.events, detected + o.detected, units + o.units,
                    tamperedUnits + o.tamperedUnits, flaggedUnits + o.flaggedUnits,
                    truePositiveUnits + o.truePositiveUnits, alerts + o.alerts);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "%-18s precision %.3f (%d/%d site-weeks) recall %.3f (%d/%d events), false alarms %.1f per 1000 "
                            + "clean site-weeks, %d sites, %d alerts",
                    detector, precision(), truePositiveUnits, flaggedUnits, recall(), detected, events,
                    falseAlarmsPer1000(), sites, alerts);
        }
    }

    private final String detector;
    private int sites;
    private int events;
    private int detected;
    private int units;
    private int tamperedUnits;
    private int flaggedUnits;
    private int truePositiveUnits;
    private int alerts;

    public ScreeningEvaluation(String detector) {
        this.detector = detector;
    }

    /** Adds one screened site: its series (for the unit grid), its injected tamperings and the detector's alerts. */
    public void add(HourlySeries series, List<Tamper> truths, List<Suspicion> found) {
        sites++;
        alerts += found.size();
        for (Tamper t : truths) {
            events++;
            if (found.stream().anyMatch(a -> a.overlaps(t.from(), t.to()))) {
                detected++;
            }
        }
        int n = series.length() / UNIT_HOURS;
        for (int u = 0; u < n; u++) {
            Instant a = series.timeAt(u * UNIT_HOURS);
            Instant b = series.timeAt((u + 1) * UNIT_HOURS);
            units++;
            boolean tampered = truths.stream().anyMatch(t -> overlapHours(t.from(), t.to(), a, b) >= 1);
            boolean flagged = found.stream().anyMatch(s -> overlapHours(s.from(), s.to(), a, b)
                    >= Math.min(24, overlapHours(s.from(), s.to(), s.from(), s.to())));
            tamperedUnits += tampered ? 1 : 0;
            flaggedUnits += flagged ? 1 : 0;
            truePositiveUnits += tampered && flagged ? 1 : 0;
        }
    }

    public Score score() {
        return new Score(detector, sites, events, detected, units, tamperedUnits, flaggedUnits, truePositiveUnits,
                alerts);
    }

    private static long overlapHours(Instant a1, Instant b1, Instant a2, Instant b2) {
        Instant a = a1.isAfter(a2) ? a1 : a2;
        Instant b = b1.isBefore(b2) ? b1 : b2;
        return b.isAfter(a) ? java.time.Duration.between(a, b).toHours() : 0;
    }

    /**
     * Runs the protocol for one detector and tampering type over cities (each: site -> series of one parameter, on
     * the same hourly axis).
     */
    public static Score evaluate(Detector det, TamperType type, TamperGenerator gen, List<Map<Site, HourlySeries>> cities,
            NeighbourPolicy policy, double tamperShare, long seed) {
        ScreeningEvaluation ev = new ScreeningEvaluation(det.id());
        for (Map<Site, HourlySeries> city : cities) {
            List<Site> eligible = new ArrayList<>();
            for (Map.Entry<Site, HourlySeries> e : city.entrySet()) {
                if (e.getValue().validCount() >= e.getValue().length() / 2) {
                    eligible.add(e.getKey());
                }
            }
            eligible.sort(Comparator.comparing(Site::code));
            long citySeed = seed * 31 + type.ordinal();
            for (Site s : eligible) {
                citySeed = citySeed * 1_000_003 + s.code().hashCode();
            }
            SplittableRandom rnd = new SplittableRandom(citySeed);
            List<Site> shuffled = new ArrayList<>(eligible);
            for (int i = shuffled.size() - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                Site tmp = shuffled.get(i);
                shuffled.set(i, shuffled.get(j));
                shuffled.set(j, tmp);
            }
            int k = (int) Math.round(tamperShare * eligible.size());
            Map<Site, HourlySeries> data = new LinkedHashMap<>();
            for (Site s : eligible) {
                data.put(s, city.get(s));
            }
            Map<String, Tamper> truths = new LinkedHashMap<>();
            for (Site s : shuffled.subList(0, k)) {
                Optional<TamperGenerator.Tampered> t = gen.inject(type, city.get(s), rnd.nextLong());
                if (t.isPresent()) {
                    data.put(s, t.get().series());
                    truths.put(s.code(), t.get().truth());
                }
            }
            for (Site s : eligible) {
                SiteContext ctx = SiteContext.select(s, data.get(s), data, policy);
                Tamper t = truths.get(s.code());
                ev.add(data.get(s), t == null ? List.of() : List.of(t), det.screen(ctx));
            }
        }
        return ev.score();
    }
}
