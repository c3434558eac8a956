package org.envmon.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.envmon.standards.air.AirEdition;
import org.envmon.model.Medium;
import org.envmon.model.Site;

/**
 * The incremental seam: from a set of changed values (new data, late data, or a review that flips validity), which
 * derived outputs may change and must be recomputed, and which hours must be read to do it. The answer is the
 * dependency closure of the formulas in {@link AirEvaluator} and {@link WaterEvaluator}, nothing more:
 *
 * <ul>
 *   <li>A change of pollutant P at hour h of air station S (hour = interval start, floored to the hour):
 *     <ul>
 *       <li>{@link Output#HOURLY_AQI} of hour h. For SO2 also the hours h+1 … h+23 that fall under the 2012
 *           edition, because the 2012 SO2 &gt; 800 rule scores the SO2 24-h moving mean;</li>
 *       <li>{@link Output#O3_8H} of hours h … h+7 (every 8-h moving window containing h), for O3 only;</li>
 *       <li>{@link Output#MOVING_24H} of hours h … h+23, for the five pollutants with a 24-h mean;</li>
 *       <li>{@link Output#DAILY} of the natural day containing h (24-h means, O3 daily max 8-h and 1-h, validity,
 *           daily AQI: every in-day window lies in that day);</li>
 *       <li>the same outputs for S's city ({@link Scope#CITY}) when S is a non-control station with a city: the
 *           city hourly mean of h changes, and the city's values derive from its hourly means;</li>
 *       <li>any period evaluation or ranking whose days include an affected city day, and rankings whose previous
 *           year period does ({@link Affected#affectsRanking}).</li>
 *     </ul>
 *     An unknown parameter ({@code null}) is treated as possibly any of the six. Other air parameters
 *     (meteorology) affect nothing here.</li>
 *   <li>A change at a surface-water section: {@link Output#MONTHLY} of that section's month (Beijing time), and of
 *       the section's basin, province and city for that month (CWQI ranking).</li>
 * </ul>
 * Changes to the site register (city membership, control flag) are not value changes: recompute the whole city.
 */
public final class Recompute {

    /** Whose output. */
    public enum Scope { STATION, CITY, WATER_SECTION, WATER_BASIN, WATER_PROVINCE, WATER_CITY }

    /** Which output. */
    public enum Output { HOURLY_AQI, O3_8H, MOVING_24H, DAILY, MONTHLY }

    /** A changed value: site, HJ 212 parameter code ({@code null} = unknown), time (interval start). */
    public record Change(String site, String parameter, Instant time) {
        public Change {
            Objects.requireNonNull(site, "site");
            Objects.requireNonNull(time, "time");
        }
    }

    /**
     * One output to recompute. {@code start}: the hour start for hourly outputs, the Beijing midnight for
     * {@link Output#DAILY}, the Beijing start of the month for {@link Output#MONTHLY}.
     */
    public record Target(Scope scope, Output output, String code, Instant start) implements Comparable<Target> {
        private static final Comparator<Target> ORDER = Comparator.comparing(Target::scope)
                .thenComparing(Target::code).thenComparing(Target::output).thenComparing(Target::start);

        @Override
        public int compareTo(Target o) {
            return ORDER.compare(this, o);
        }
    }

    /** An hour range [from, to) of interval starts. */
    public record Window(Instant from, Instant to) {
    }

    /** The affected outputs. */
    public static final class Affected {
        private final SortedSet<Target> targets;

        Affected(SortedSet<Target> targets) {
            this.targets = java.util.Collections.unmodifiableSortedSet(targets);
        }

        public SortedSet<Target> targets() {
            return targets;
        }

        public boolean isEmpty() {
            return targets.isEmpty();
        }

        /** Codes (sites, cities, basins, …) with some affected output in {@code scope}. */
        public SortedSet<String> codes(Scope scope) {
            TreeSet<String> out = new TreeSet<>();
            for (Target t : targets) {
                if (t.scope() == scope) {
                    out.add(t.code());
                }
            }
            return out;
        }

        /** Starts of the affected outputs of one kind for one code. */
        public SortedSet<Instant> starts(Scope scope, Output output, String code) {
            TreeSet<Instant> out = new TreeSet<>();
            for (Target t : targets) {
                if (t.scope() == scope && t.output() == output && t.code().equals(code)) {
                    out.add(t.start());
                }
            }
            return out;
        }

        /** Affected natural days of one station or city. */
        public SortedSet<LocalDate> days(Scope scope, String code) {
            TreeSet<LocalDate> out = new TreeSet<>();
            for (Instant i : starts(scope, Output.DAILY, code)) {
                out.add(LocalDateTime.ofInstant(i, HourGrid.BEIJING).toLocalDate());
            }
            return out;
        }

        /** Affected months of a water section or group. */
        public SortedSet<YearMonth> months(Scope scope, String code) {
            TreeSet<YearMonth> out = new TreeSet<>();
            for (Instant i : starts(scope, Output.MONTHLY, code)) {
                out.add(YearMonth.from(LocalDateTime.ofInstant(i, HourGrid.BEIJING)));
            }
            return out;
        }

        /**
         * The hourly inputs a station or city must read to recompute its affected hourly and daily outputs: from 23 h
         * before the first affected hour (moving windows) or the first affected day's midnight, to the end of the
         * last affected hour or day. Empty if nothing of it is affected. For a city, read these hours of all its
         * evaluation stations.
         */
        public Optional<Window> inputWindow(Scope scope, String code) {
            Instant lo = null;
            Instant hi = null;
            for (Target t : targets) {
                if (t.scope() != scope || !t.code().equals(code) || t.output() == Output.MONTHLY) {
                    continue;
                }
                Instant a;
                Instant b;
                if (t.output() == Output.DAILY) {
                    a = t.start();
                    b = t.start().plus(Duration.ofDays(1));
                } else {
                    a = t.start().minus(Duration.ofHours(23));
                    b = t.start().plus(Duration.ofHours(1));
                }
                lo = lo == null || a.isBefore(lo) ? a : lo;
                hi = hi == null || b.isAfter(hi) ? b : hi;
            }
            return lo == null ? Optional.empty() : Optional.of(new Window(lo, hi));
        }

        /** Whether a period evaluation of {@code code} over {@code from … to} includes an affected day. */
        public boolean affectsPeriod(Scope scope, String code, LocalDate from, LocalDate to) {
            for (LocalDate d : days(scope, code)) {
                if (!d.isBefore(from) && !d.isAfter(to)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether a city ranking over {@code from … to} may change: some city day in the period, or in the same
         * period of the previous year (the change column).
         */
        public boolean affectsRanking(LocalDate from, LocalDate to) {
            LocalDate[] last = AirRanking.samePeriodLastYear(from, to);
            for (String city : codes(Scope.CITY)) {
                if (affectsPeriod(Scope.CITY, city, from, to) || affectsPeriod(Scope.CITY, city, last[0], last[1])) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return "Affected" + targets;
        }
    }

    private Recompute() {
    }

    /**
     * The outputs affected by {@code changes}. {@code sites} resolves a site code (for medium, city, control flag,
     * basin, province).
     *
     * @throws IllegalArgumentException for an unknown site
     */
    public static Affected affected(Collection<Change> changes, Function<String, Site> sites) {
        TreeSet<Target> out = new TreeSet<>();
        for (Change c : changes) {
            Site site = sites.apply(c.site());
            if (site == null) {
                throw new IllegalArgumentException("unknown site " + c.site());
            }
            if (site.medium() == Medium.AIR) {
                air(c, site, out);
            } else if (site.medium() == Medium.SURFACE_WATER) {
                water(c, site, out);
            }
        }
        return new Affected(out);
    }

    private static void air(Change c, Site site, TreeSet<Target> out) {
        int p = c.parameter() == null ? -1 : AirPollutants.indexOf(c.parameter());
        if (c.parameter() != null && p < 0) {
            return;
        }
        Instant h = Instant.ofEpochSecond(Math.floorDiv(c.time().getEpochSecond(), 3600) * 3600);
        airTargets(Scope.STATION, site.code(), p, h, out);
        if (!site.control() && site.city() != null) {
            airTargets(Scope.CITY, site.city(), p, h, out);
        }
    }

    private static void airTargets(Scope scope, String code, int p, Instant h, TreeSet<Target> out) {
        boolean any = p < 0;
        out.add(new Target(scope, Output.HOURLY_AQI, code, h));
        if (any || p == AirPollutants.SO2) {
            for (int k = 1; k < 24; k++) {
                Instant t = h.plusSeconds(3600L * k);
                if (AirEdition.forHour(LocalDateTime.ofInstant(t.plusSeconds(3600), HourGrid.BEIJING))
                        == AirEdition.E2012) {
                    out.add(new Target(scope, Output.HOURLY_AQI, code, t));
                }
            }
        }
        if (any || p == AirPollutants.O3) {
            for (int k = 0; k < 8; k++) {
                out.add(new Target(scope, Output.O3_8H, code, h.plusSeconds(3600L * k)));
            }
        }
        if (any || p != AirPollutants.O3) {
            for (int k = 0; k < 24; k++) {
                out.add(new Target(scope, Output.MOVING_24H, code, h.plusSeconds(3600L * k)));
            }
        }
        LocalDate day = LocalDateTime.ofInstant(h, HourGrid.BEIJING).toLocalDate();
        out.add(new Target(scope, Output.DAILY, code, day.atStartOfDay().toInstant(HourGrid.BEIJING)));
    }

    private static void water(Change c, Site site, TreeSet<Target> out) {
        if (c.parameter() != null && WaterEvaluator.parameterOf(c.parameter()).isEmpty()) {
            return;
        }
        YearMonth m = YearMonth.from(LocalDateTime.ofInstant(c.time(), HourGrid.BEIJING));
        Instant start = m.atDay(1).atStartOfDay().toInstant(HourGrid.BEIJING);
        out.add(new Target(Scope.WATER_SECTION, Output.MONTHLY, site.code(), start));
        if (site.basin() != null) {
            out.add(new Target(Scope.WATER_BASIN, Output.MONTHLY, site.basin(), start));
        }
        if (site.province() != null) {
            out.add(new Target(Scope.WATER_PROVINCE, Output.MONTHLY, site.province(), start));
        }
        if (site.city() != null && !site.control()) {
            out.add(new Target(Scope.WATER_CITY, Output.MONTHLY, site.city(), start));
        }
    }

    /** Convenience for a set of sites. */
    public static Function<String, Site> lookup(Collection<Site> sites) {
        java.util.Map<String, Site> m = new java.util.HashMap<>();
        for (Site s : sites) {
            m.put(s.code(), s);
        }
        return m::get;
    }
}
