package org.envmon.alerts.rules.air;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.envmon.alerts.rules.ConfiguredRule;
import org.envmon.alerts.rules.DerivedAirDay;
import org.envmon.alerts.rules.RuleBasics;
import org.envmon.alerts.rules.RuleContext;
import org.envmon.alerts.rules.RuleSettings;
import org.envmon.alerts.rules.RuleSpec;
import org.envmon.alerts.rules.RuleType;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.AlertKey;
import org.envmon.model.alert.Condition;
import org.envmon.model.alert.Severity;
import org.envmon.model.alert.SubjectType;

/**
 * Heavy-pollution episode (重污染天气) of a city from its daily AQI ({@link DerivedAirDay}). The episode is the run of
 * consecutive days with AQI above {@code threshold} (200) that ends at the city's latest day; its warning level:
 * <ul>
 * <li><b>red</b>: at least {@code redDays} (4) days with at least {@code redSevereDays} (2) of them above
 * {@code severe} (300), or any day of the run at or above {@code redAqi} (500);</li>
 * <li><b>orange</b>: at least {@code orangeDays} (3) days with at least {@code orangeSevereDays} (1) above 300;</li>
 * <li><b>yellow</b>: at least {@code yellowDays} (2) days.</li>
 * </ul>
 * These defaults are the levels of the 2018 national guidance on heavy-pollution-weather warnings as remembered
 * (AQI &gt; 200 for 2 / 3 / 4 days; &gt; 300 on 1 / 2 of them; "reaches 500" for red) — not checked against the text,
 * so they are project defaults, all configurable. The guidance grades forecasts; this rule grades the observed (and,
 * with {@code provisional}, today's running) daily AQI. The project's AQI is capped at 500 (HJ 633 IAQI table), so
 * the single-day red condition is "at or above {@code redAqi}".
 *
 * <p>One alert per city (parameter {@code AQI}), value the latest day's AQI, threshold {@code threshold}. The alert
 * record cannot change its severity, so a level change (escalation, or a lower level after revised data) closes the
 * active alert ("level changed") and opens one at the new level, with that level's severity and label: operators and
 * subscribers see a new alert for each escalation. While the level stays, each new day updates the alert's values.
 * The alert closes when the latest day is a final day at or below the threshold, or when recomputation after late or
 * re-sent days ends the run.
 *
 * <p>Late and re-sent days: each city keeps a map day → AQI (the latest send of a day wins) and the level is
 * recomputed from the map on every input. A missing day breaks the run. A provisional (running) day counts when above
 * the threshold; a provisional day at or below it is left out (the day is not over, so it neither ends nor extends
 * the run), and once a day's running value was above the threshold, a lower running value of the same day does not
 * undo it: only the day's final value decides (no flapping during the day). With {@code provisional=false} running
 * values are ignored. Days more than {@code maxAge} before the engine clock's day (Beijing time) are ignored.
 *
 * <p>Restart ({@link #restore}): the city's level is that of its still-active alert, and the run before the restart is
 * rebuilt from the alert when the city's first day after the restart arrives: days from the alert's first day (its
 * data time) to the day before that first day (the restart is not a break: days the engine did not see count as days
 * of the run), at least as many days, and days above {@code severe}, as the alert's message named and its level needs.
 * The latest rebuilt day has the alert's latest AQI, the day before it the alert's peak (when higher), further days
 * above {@code severe} as needed get {@code severe + 1}, the others {@code threshold + 1}. A day received again
 * replaces its rebuilt value. So a final day at or below the threshold closes the alert, a day above it persists it,
 * and escalation counts the rebuilt days.
 *
 * <p>Settings ({@code type=heavy-pollution}): {@code threshold} (200), {@code severe} (300), {@code yellow-days} (2),
 * {@code orange-days} (3), {@code orange-severe-days} (1), {@code red-days} (4), {@code red-severe-days} (2), {@code
 * red-aqi} (500), {@code provisional} (true: count today's running value), {@code max-age} (P7D), {@code cities} (any),
 * {@code yellow-severity} (warning), {@code orange-severity} (major), {@code red-severity} (critical); no {@code
 * severity}.
 */
public final class HeavyPollutionRule extends ConfiguredRule<HeavyPollutionRule.Spec> {

    /** Beijing time: the calendar day of HJ 633 daily values. */
    static final ZoneOffset BEIJING = org.envmon.model.BeijingTime.OFFSET;

    /** Warning levels, lowest first. */
    public enum Level {
        NONE(""), YELLOW("黄色"), ORANGE("橙色"), RED("红色");

        private final String chinese;

        Level(String chinese) {
            this.chinese = chinese;
        }

        /** The level's name in lower case ({@code yellow}). */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String chinese() {
            return chinese;
        }
    }

    /** The type {@code heavy-pollution}: no {@code severity}, one per level. */
    public static final RuleType<Spec> TYPE = new RuleType<>("heavy-pollution", null, Set.of("threshold", "severe",
            "yellow-days", "orange-days", "orange-severe-days", "red-days", "red-severe-days", "red-aqi", "provisional",
            "max-age", "cities", "yellow-severity", "orange-severity", "red-severity"), Spec::read,
            HeavyPollutionRule::new);

    /** @param cities only these cities, or empty for any */
    public record Spec(RuleBasics basics, int threshold, int severe, int yellowDays, int orangeDays,
                       int orangeSevereDays, int redDays, int redSevereDays, int redAqi, boolean provisional,
                       Duration maxAge, Set<String> cities, Severity yellowSeverity, Severity orangeSeverity,
                       Severity redSeverity) implements RuleSpec {
        public Spec {
            if (threshold < 0 || severe <= threshold || redAqi <= threshold) {
                throw basics.invalid("need 0 <= threshold < severe and threshold < red-aqi");
            }
            if (yellowDays < 1 || orangeDays < yellowDays || redDays < orangeDays) {
                throw basics.invalid("need 1 <= yellow-days <= orange-days <= red-days");
            }
            if (orangeSevereDays < 0 || orangeSevereDays > orangeDays || redSevereDays < 0
                    || redSevereDays > redDays) {
                throw basics.invalid("need 0 <= orange-severe-days <= orange-days and "
                        + "0 <= red-severe-days <= red-days");
            }
            if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
                throw basics.invalid("max-age must be positive");
            }
            cities = Set.copyOf(cities);
            Objects.requireNonNull(yellowSeverity, "yellowSeverity");
            Objects.requireNonNull(orangeSeverity, "orangeSeverity");
            Objects.requireNonNull(redSeverity, "redSeverity");
            basics = basics.labelOr("heavy-pollution episode");
        }

        static Spec read(RuleBasics basics, RuleSettings s) {
            if (s.has("severity")) {
                throw s.invalid("type heavy-pollution takes yellow-severity, orange-severity and red-severity "
                        + "instead of 'severity'");
            }
            return new Spec(basics, s.integer("threshold", 200), s.integer("severe", 300),
                    s.integer("yellow-days", 2), s.integer("orange-days", 3), s.integer("orange-severe-days", 1),
                    s.integer("red-days", 4), s.integer("red-severe-days", 2), s.integer("red-aqi", 500),
                    s.bool("provisional", true), s.duration("max-age", Duration.ofDays(7)), s.set("cities"),
                    s.get("yellow-severity", Severity::fromCode, Severity.WARNING),
                    s.get("orange-severity", Severity::fromCode, Severity.MAJOR),
                    s.get("red-severity", Severity::fromCode, Severity.CRITICAL));
        }

        Severity severity(Level level) {
            return switch (level) {
                case RED -> redSeverity;
                case ORANGE -> orangeSeverity;
                default -> yellowSeverity;
            };
        }
    }

    private record Day(int aqi, boolean provisional) {
    }

    /** The current run: its days (oldest first) and level. */
    private record Episode(Level level, List<LocalDate> days, List<Integer> aqi, int severeDays) {
        static final Episode NONE = new Episode(Level.NONE, List.of(), List.of(), 0);

        int latest() {
            return aqi.get(aqi.size() - 1);
        }

        int peak() {
            return aqi.stream().mapToInt(Integer::intValue).max().orElse(0);
        }
    }

    /**
     * The run before a restart, from a still-active alert: from {@code start} to at least {@code end}, at least
     * {@code days} days of which {@code severeDays} above {@code severe}.
     */
    private record Restored(LocalDate start, LocalDate end, int days, int severeDays, int latest, int peak) {
    }

    private static final class City {
        final TreeMap<LocalDate, Day> days = new TreeMap<>();
        Level level = Level.NONE;
        /** Set by {@link #restore} until the first day after the restart. */
        Restored restored;
    }

    /** The run part of {@link #message}. */
    private static final Pattern RUN = Pattern.compile("for (\\d+) day\\(s\\) (\\d{4}-\\d{2}-\\d{2}) to "
            + "(\\d{4}-\\d{2}-\\d{2}), > \\d+ on (\\d+); latest");

    private final Map<String, City> cities = new HashMap<>();

    public HeavyPollutionRule(Spec spec) {
        super(spec);
    }

    /**
     * An alert still active after a restart: the city's episode continues at the alert's level (from its message, else
     * its severity when that names one level, else yellow); its days are rebuilt at the city's first day after the
     * restart (see the class comment).
     */
    @Override
    public void restore(Alert active) {
        if (!"AQI".equals(active.parameter())) {
            return;
        }
        Level level = levelOf(active);
        int latest = (int) Math.round(active.lastValue());
        int peak = Math.max(latest, (int) Math.round(active.peakValue()));
        int days;
        int severeDays;
        if (level == Level.RED && peak >= spec.redAqi()) {
            days = 1;
            severeDays = 0;
        } else if (level == Level.RED) {
            days = spec.redDays();
            severeDays = spec.redSevereDays();
        } else if (level == Level.ORANGE) {
            days = spec.orangeDays();
            severeDays = spec.orangeSevereDays();
        } else {
            days = spec.yellowDays();
            severeDays = 0;
        }
        LocalDate start = LocalDate.ofInstant(active.dataTime() == null ? active.openedAt() : active.dataTime(),
                BEIJING);
        LocalDate end = start;
        Matcher m = RUN.matcher(active.message() == null ? "" : active.message());
        while (m.find()) { // the last match: the label comes first
            days = Math.max(days, Integer.parseInt(m.group(1)));
            end = LocalDate.parse(m.group(3));
            severeDays = Math.max(severeDays, Integer.parseInt(m.group(4)));
        }
        City c = cities.computeIfAbsent(active.subject(), k -> new City());
        c.level = level;
        c.restored = new Restored(start, end, days, severeDays, latest, peak);
    }

    private Level levelOf(Alert active) {
        String message = active.message() == null ? "" : active.message();
        Level found = null;
        int at = -1;
        for (Level l : List.of(Level.YELLOW, Level.ORANGE, Level.RED)) {
            int i = message.lastIndexOf(", " + l.code() + " (" + l.chinese() + "预警): ");
            if (i > at) {
                at = i;
                found = l;
            }
        }
        if (found != null) {
            return found;
        }
        List<Level> bySeverity = List.of(Level.YELLOW, Level.ORANGE, Level.RED).stream()
                .filter(l -> spec.severity(l) == active.severity()).toList();
        return bySeverity.size() == 1 ? bySeverity.get(0) : Level.YELLOW;
    }

    /** Lays out the run of a restored alert before the city's first day {@code first} after the restart. */
    private void rebuild(City c, LocalDate first) {
        Restored r = c.restored;
        c.restored = null;
        LocalDate end = first.minusDays(1).isAfter(r.end()) ? first.minusDays(1) : r.end();
        int n = Math.max(Math.max((int) (end.toEpochDay() - r.start().toEpochDay()) + 1, r.days()),
                r.peak() > r.latest() ? 2 : 1);
        int filler = spec.threshold() + 1;
        int[] aqi = new int[n];
        boolean[] free = new boolean[n];
        Arrays.fill(aqi, filler);
        Arrays.fill(free, true);
        aqi[n - 1] = Math.max(r.latest(), filler);
        free[n - 1] = false;
        if (r.peak() > r.latest()) {
            aqi[n - 2] = r.peak();
            free[n - 2] = false;
        }
        int severe = 0;
        for (int a : aqi) {
            severe += a > spec.severe() ? 1 : 0;
        }
        for (int pass = 0; pass < 2; pass++) { // free days first, the latest ones first
            for (int i = n - 1; i >= 0 && severe < r.severeDays(); i--) {
                if ((pass == 1 || free[i]) && aqi[i] <= spec.severe()) {
                    aqi[i] = spec.severe() + 1;
                    severe++;
                }
            }
        }
        LocalDate day = end.minusDays(n - 1L);
        for (int a : aqi) {
            c.days.putIfAbsent(day, new Day(a, false));
            day = day.plusDays(1);
        }
    }

    @Override
    public void onDerivedAirDay(DerivedAirDay d, RuleContext ctx) {
        if (!spec.cities().isEmpty() && !spec.cities().contains(d.city())) {
            return;
        }
        if (d.provisional() && !spec.provisional()) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(ctx.now(), BEIJING);
        if (d.day().isBefore(today.minusDays(spec.maxAge().toDays()))) {
            return;
        }
        City c = cities.computeIfAbsent(d.city(), k -> new City());
        if (c.restored != null) {
            rebuild(c, d.day());
        }
        Day known = c.days.get(d.day());
        boolean keepHigherRunning = d.provisional() && d.aqi() <= spec.threshold() && known != null
                && known.provisional() && known.aqi() > spec.threshold();
        if (!keepHigherRunning) {
            c.days.put(d.day(), new Day(d.aqi(), d.provisional()));
        }
        // keep what a run can need, with room for late days
        c.days.headMap(c.days.lastKey().minusDays(spec.maxAge().toDays() + spec.redDays() + 1)).clear();
        Episode e = episode(c.days);
        AlertKey key = new AlertKey(spec.id(), d.city(), "AQI");
        Level before = c.level;
        c.level = e.level();
        if (e.level() == before) {
            if (before != Level.NONE) {
                ctx.persist(key, e.latest(), true);
            }
            return;
        }
        if (before != Level.NONE) {
            ctx.clear(key, e.level() == Level.NONE
                    ? d.city() + " daily AQI " + d.aqi() + " on " + d.day() + ": the episode (" + before.code()
                    + ") has ended"
                    : "level changed from " + before.code() + " to " + e.level().code() + " (" + d.city() + ")");
        }
        if (e.level() != Level.NONE) {
            ctx.raise(new Condition(key, SubjectType.CITY, spec.severity(e.level()), start(e), e.latest(),
                    (double) spec.threshold(), true, message(d.city(), e)));
            if (e.peak() > e.latest()) {
                ctx.persist(key, e.peak(), true); // the peak of the run so far
                ctx.persist(key, e.latest(), true);
            }
        }
    }

    private Instant start(Episode e) {
        return e.days().get(0).atStartOfDay(BEIJING).toInstant();
    }

    private String message(String city, Episode e) {
        return String.format(Locale.ROOT, "%s, %s (%s预警): %s daily AQI > %d for %d day(s) %s to %s, > %d on %d; "
                        + "latest %d, peak %d", spec.label(), e.level().code(), e.level().chinese(), city,
                spec.threshold(), e.days().size(), e.days().get(0), e.days().get(e.days().size() - 1),
                spec.severe(), e.severeDays(), e.latest(), e.peak());
    }

    /** The run ending at the latest day and its level. */
    private Episode episode(TreeMap<LocalDate, Day> days) {
        if (days.isEmpty()) {
            return Episode.NONE;
        }
        LocalDate d = days.lastKey();
        Day latest = days.get(d);
        if (latest.provisional() && latest.aqi() <= spec.threshold()) {
            d = d.minusDays(1); // today is not over: neither ends nor extends the run
        }
        List<LocalDate> run = new ArrayList<>();
        List<Integer> aqi = new ArrayList<>();
        Day x;
        while ((x = days.get(d)) != null && x.aqi() > spec.threshold()) {
            run.add(0, d);
            aqi.add(0, x.aqi());
            d = d.minusDays(1);
        }
        if (run.isEmpty()) {
            return Episode.NONE;
        }
        int n = run.size();
        int severe = (int) aqi.stream().filter(a -> a > spec.severe()).count();
        boolean extreme = aqi.stream().anyMatch(a -> a >= spec.redAqi());
        Level level;
        if (extreme || (n >= spec.redDays() && severe >= spec.redSevereDays())) {
            level = Level.RED;
        } else if (n >= spec.orangeDays() && severe >= spec.orangeSevereDays()) {
            level = Level.ORANGE;
        } else if (n >= spec.yellowDays()) {
            level = Level.YELLOW;
        } else {
            level = Level.NONE;
        }
        return new Episode(level, run, aqi, severe);
    }
}
