package org.envmon.alerts.rules.water;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.envmon.alerts.rules.ConfiguredRule;
import org.envmon.alerts.rules.Numbers;
import org.envmon.alerts.rules.RowFilter;
import org.envmon.alerts.rules.RuleBasics;
import org.envmon.alerts.rules.RuleContext;
import org.envmon.alerts.rules.RuleSettings;
import org.envmon.alerts.rules.RuleType;
import org.envmon.alerts.rules.Runs;
import org.envmon.alerts.rules.Scope;
import org.envmon.alerts.rules.SeriesSpec;
import org.envmon.alerts.rules.Streak;
import org.envmon.model.Medium;
import org.envmon.model.ObservationRow;
import org.envmon.model.Site;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.AlertKey;
import org.envmon.model.alert.Condition;
import org.envmon.model.alert.Severity;
import org.envmon.model.alert.SubjectType;
import org.envmon.standards.water.TrophicState;
import org.envmon.standards.water.TrophicStateIndex;
import org.envmon.standards.water.Waterbody;

/**
 * Algal bloom risk in lakes and reservoirs (surface-water sites whose water body is {@code lake} or
 * {@code reservoir}; a site without a water body is not watched). Two conditions, each its own alert per site:
 * <ul>
 * <li><b>chlorophyll a</b> (parameter = the chl-a code): a value at or above {@code chlaThreshold} µg/L;</li>
 * <li><b>trophic state</b> (parameter {@code TLI}): the comprehensive trophic level index TLI(Σ) (CNEMC 2001, digest
 * §6, {@link TrophicStateIndex}) of the site's latest value of each of chl-a, TP, TN, SD and CODMn, at most
 * {@code maxAge} older than the newest of them, is in {@code tliState} or worse ({@link TrophicState#of}: the bounds
 * are those of the digest table, so 中度富营养 is TLI &gt; 60).</li>
 * </ul>
 * The TLI is evaluated once per committed batch and site ({@link #onBatchEnd}), after all values of the packet were
 * seen, so a packet carrying the five parameters is one evaluation. Missing parameters: the standards library
 * renormalises the weights of the parameters present ({@link TrophicStateIndex#compute}); this rule computes the index
 * only when chlorophyll a (the reference parameter of the weights) and at least {@code tliMinParameters} of the five
 * are present, and otherwise leaves the condition as it is. Values ≤ 0 (ln undefined) count as missing. Units: chl-a
 * in µg/L (= mg/m³), TP, TN, CODMn in mg/L, SD in m, each converted from the catalogue unit of its code (a SD code not
 * in the catalogue is taken as metres). Per site and condition: opens after {@code minCount} evaluations in a row in
 * the condition, closes after {@code clearCount} out of it. Values marked invalid by QC, flagged other than N, not
 * newer than the latest, or older than {@code maxAge} before the engine clock are skipped.
 *
 * <p>Settings ({@code type=algal-bloom}): {@code chla-threshold} (µg/L; 25; none to switch off), {@code tli-state}
 * (light | moderate | heavy, or 轻度/中度/重度富营养; moderate; none to switch off), {@code tli-min-parameters} (3), {@code
 * chla-parameter} (w01016), {@code tp-parameter} (w21011), {@code tn-parameter} (w21001), {@code sd-parameter} (none),
 * {@code codmn-parameter} (w01019) (a parameter set to none is left out), {@code sites} (any), {@code interval} (hour),
 * {@code min-count} (1), {@code clear-count} (= min-count), {@code max-age} (P2D).
 */
public final class AlgalBloomRule extends ConfiguredRule<AlgalBloomRule.Spec> {

    /** The alert parameter of the trophic-state condition. */
    public static final String TLI = "TLI";

    /** The type {@code algal-bloom}. */
    public static final RuleType<Spec> TYPE = new RuleType<>("algal-bloom", Severity.WARNING, Set.of("chla-threshold",
            "tli-state", "tli-min-parameters", "chla-parameter", "tp-parameter", "tn-parameter", "sd-parameter",
            "codmn-parameter", "sites", "interval", "min-count", "clear-count", "max-age"), Spec::read,
            AlgalBloomRule::new);

    /**
     * @param chlaThreshold    µg/L, or null for no chlorophyll condition
     * @param tliState         the trophic state that raises (and every worse one), or null for no TLI condition
     * @param codes            HJ 212 code of each TLI parameter; chl-a is required, the others may be absent
     * @param tliMinParameters parameters (of five, chl-a included) needed to compute the TLI
     * @param scope            only these sites (empty for any lake or reservoir site) and this interval (null: any)
     */
    public record Spec(RuleBasics basics, Scope scope, Runs runs, Double chlaThreshold, TrophicState tliState,
                       Map<TrophicStateIndex.Parameter, String> codes, int tliMinParameters) implements SeriesSpec {
        public Spec {
            codes = Map.copyOf(codes);
            if (!codes.containsKey(TrophicStateIndex.Parameter.CHLA)) {
                throw basics.invalid("the chlorophyll-a parameter is required");
            }
            if (codes.values().stream().distinct().count() != codes.size()) {
                throw basics.invalid("one code for two TLI parameters");
            }
            if (chlaThreshold == null && tliState == null) {
                throw basics.invalid("neither chla-threshold nor tli-state is set");
            }
            if (chlaThreshold != null && !(chlaThreshold > 0 && Double.isFinite(chlaThreshold))) {
                throw basics.invalid("chla-threshold must be > 0");
            }
            if (tliMinParameters < 1 || tliMinParameters > 5) {
                throw basics.invalid("tli-min-parameters must be 1 to 5");
            }
            basics = basics.labelOr("algal bloom risk");
        }

        static Spec read(RuleBasics basics, RuleSettings s) {
            Map<TrophicStateIndex.Parameter, String> codes = new EnumMap<>(TrophicStateIndex.Parameter.class);
            s.code("chla-parameter", "w01016").ifPresent(v -> codes.put(TrophicStateIndex.Parameter.CHLA, v));
            s.code("tp-parameter", "w21011").ifPresent(v -> codes.put(TrophicStateIndex.Parameter.TP, v));
            s.code("tn-parameter", "w21001").ifPresent(v -> codes.put(TrophicStateIndex.Parameter.TN, v));
            s.code("sd-parameter", null).ifPresent(v -> codes.put(TrophicStateIndex.Parameter.SD, v));
            s.code("codmn-parameter", "w01019").ifPresent(v -> codes.put(TrophicStateIndex.Parameter.CODMN, v));
            return new Spec(basics, s.scope(), s.runs(), s.unlessNone("chla-threshold", Double::valueOf, 25.0),
                    s.unlessNone("tli-state", AlgalBloomRule::parseState, TrophicState.MODERATE_EUTROPHIC), codes,
                    s.integer("tli-min-parameters", 3));
        }
    }

    private record Value(Instant time, double value) {
    }

    private static final class SiteState {
        final Map<TrophicStateIndex.Parameter, Value> latest = new EnumMap<>(TrophicStateIndex.Parameter.class);
        final Streak chla = new Streak();
        final Streak tli = new Streak();
        Instant pending;
    }

    private final Map<String, TrophicStateIndex.Parameter> byCode = new HashMap<>();
    private final Map<TrophicStateIndex.Parameter, Integer> power = new EnumMap<>(TrophicStateIndex.Parameter.class);
    private final RowFilter filter;
    private final Map<String, SiteState> sites = new HashMap<>();
    private final Set<String> pending = new HashSet<>();

    /** @throws IllegalArgumentException when a code's catalogue unit does not convert into the TLI unit */
    public AlgalBloomRule(Spec spec) {
        super(spec);
        for (Map.Entry<TrophicStateIndex.Parameter, String> e : spec.codes().entrySet()) {
            byCode.put(e.getValue(), e.getKey());
            String target = switch (e.getKey()) {
                case CHLA -> "µg/L";
                case SD -> "m";
                default -> "mg/L";
            };
            try {
                power.put(e.getKey(), e.getKey() == TrophicStateIndex.Parameter.SD
                        && Units.unitOf(e.getValue()).isEmpty() ? 0 : Units.powerFromCatalogue(e.getValue(), target));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("rule " + spec.id() + ": " + ex.getMessage(), ex);
            }
        }
        this.filter = new RowFilter(spec.interval(), Medium.SURFACE_WATER, spec.sites(), spec.maxAge());
    }

    @Override
    public Set<String> parameters() {
        return spec.chlaThreshold() != null && spec.tliState() == null
                ? Set.of(spec.codes().get(TrophicStateIndex.Parameter.CHLA)) : Set.copyOf(byCode.keySet());
    }

    /**
     * An alert still active after a restart: the site's chlorophyll condition (parameter = the chl-a code) or
     * trophic-state condition (parameter {@code TLI}) counts as raised again, without its history (the evaluation that
     * raised it is taken as the latest), so later evaluations persist it or, {@code clearCount} in a row out of the
     * condition, close it. The latest values behind the TLI are not restored: the TLI is evaluated again once
     * chlorophyll a and {@code tliMinParameters} parameters have arrived after the restart, and the alert stays as it
     * is until then.
     */
    @Override
    public void restore(Alert active) {
        boolean tli = TLI.equals(active.parameter());
        if (!tli && !active.parameter().equals(spec.codes().get(TrophicStateIndex.Parameter.CHLA))) {
            return;
        }
        SiteState s = sites.computeIfAbsent(active.subject(), k -> new SiteState());
        (tli ? s.tli : s.chla).restore(active.dataTime());
    }

    @Override
    public void onObservation(ObservationRow row, RuleContext ctx) {
        TrophicStateIndex.Parameter p = byCode.get(row.parameter());
        if (p == null || !RowFilter.clean(row) || !filter.accepts(row, ctx)) {
            return;
        }
        Site site = ctx.site(row.siteCode()).orElse(null);
        if (site == null || Waterbody.parse(site.waterbody()).orElse(null) != Waterbody.LAKE_RESERVOIR) {
            return;
        }
        SiteState s = sites.computeIfAbsent(row.siteCode(), k -> new SiteState());
        double v = Units.scale(row.value(), power.get(p)).doubleValue();
        if (p == TrophicStateIndex.Parameter.CHLA && spec.chlaThreshold() != null) {
            chlorophyll(row, v, s.chla, ctx);
        }
        if (spec.tliState() != null) {
            Value old = s.latest.get(p);
            if (old == null || row.time().isAfter(old.time())) {
                s.latest.put(p, new Value(row.time(), v));
                if (s.pending == null || row.time().isAfter(s.pending)) {
                    s.pending = row.time();
                }
                pending.add(row.siteCode());
            }
        }
    }

    private void chlorophyll(ObservationRow row, double v, Streak streak, RuleContext ctx) {
        double limit = spec.chlaThreshold();
        AlertKey key = new AlertKey(spec.id(), row.siteCode(), row.parameter());
        switch (streak.next(row.time(), v >= limit, spec.minCount(), spec.clearCount())) {
            case RAISE -> ctx.raise(new Condition(key, SubjectType.SITE, spec.severity(), row.time(), v, limit, true,
                    String.format(Locale.ROOT, "%s: chlorophyll a (%s) = %s µg/L >= %s µg/L at site %s", spec.label(),
                            row.parameter(), Numbers.fmt(v), Numbers.fmt(limit), row.siteCode())));
            case PERSIST -> ctx.persist(key, v, true);
            case CLEAR -> {
                ctx.persist(key, v, true);
                ctx.clear(key, String.format(Locale.ROOT, "chlorophyll a = %s µg/L below %s µg/L (%d values in a row)",
                        Numbers.fmt(v), Numbers.fmt(limit), spec.clearCount()));
            }
            default -> {
            }
        }
    }

    @Override
    public void onBatchEnd(RuleContext ctx) {
        if (pending.isEmpty()) {
            return;
        }
        for (String site : pending) {
            SiteState s = sites.get(site);
            Instant at = s.pending;
            s.pending = null;
            if (at != null) {
                trophicState(site, at, s, ctx);
            }
        }
        pending.clear();
    }

    private void trophicState(String site, Instant at, SiteState s, RuleContext ctx) {
        if (!s.tli.isNew(at)) {
            return;
        }
        Instant oldest = at.minus(spec.maxAge());
        Map<TrophicStateIndex.Parameter, Double> values = new EnumMap<>(TrophicStateIndex.Parameter.class);
        s.latest.forEach((p, v) -> {
            if (!v.time().isBefore(oldest) && !v.time().isAfter(at) && v.value() > 0) {
                values.put(p, v.value());
            }
        });
        if (!values.containsKey(TrophicStateIndex.Parameter.CHLA) || values.size() < spec.tliMinParameters()) {
            return;
        }
        TrophicStateIndex.Result r = TrophicStateIndex.compute(values);
        boolean bad = r.state().compareTo(spec.tliState()) >= 0;
        AlertKey key = new AlertKey(spec.id(), site, TLI);
        double tli = Math.round(r.tli() * 100) / 100.0;
        switch (s.tli.next(at, bad, spec.minCount(), spec.clearCount())) {
            case RAISE -> ctx.raise(new Condition(key, SubjectType.SITE, spec.severity(), at, tli,
                    lowerBound(spec.tliState()), true, String.format(Locale.ROOT,
                            "%s: TLI(Σ) %s (%s, %s or worse) at site %s from %s%s", spec.label(),
                            Numbers.fmt(tli), r.state().label(), spec.tliState().label(), site,
                            describe(values), values.size() < 5 ? " (weights renormalised over "
                                    + values.size() + " of 5 parameters)" : "")));
            case PERSIST -> ctx.persist(key, tli, true);
            case CLEAR -> {
                ctx.persist(key, tli, true);
                ctx.clear(key, String.format(Locale.ROOT, "TLI(Σ) %s (%s), better than %s (%d evaluations in a row)",
                        Numbers.fmt(tli), r.state().label(), spec.tliState().label(), spec.clearCount()));
            }
            default -> {
            }
        }
    }

    private static String describe(Map<TrophicStateIndex.Parameter, Double> values) {
        return values.entrySet().stream().map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " "
                + Numbers.fmt(e.getValue()) + switch (e.getKey()) {
                    case CHLA -> " µg/L";
                    case SD -> " m";
                    default -> " mg/L";
                }).collect(Collectors.joining(", "));
    }

    /** The TLI bound above which a state begins (digest §6 table). */
    static double lowerBound(TrophicState state) {
        return switch (state) {
            case OLIGOTROPHIC -> 0;
            case MESOTROPHIC -> 30;
            case LIGHT_EUTROPHIC -> 50;
            case MODERATE_EUTROPHIC -> 60;
            case HEAVY_EUTROPHIC -> 70;
        };
    }

    /**
     * Parses a trophic state: {@code light}, {@code moderate}, {@code heavy} (eutrophic), {@code mesotrophic},
     * {@code oligotrophic}, an enum name such as {@code MODERATE_EUTROPHIC}, or the Chinese label (中度富营养).
     */
    static TrophicState parseState(String text) {
        String t = text.strip();
        for (TrophicState s : TrophicState.values()) {
            String name = s.name().toLowerCase(Locale.ROOT);
            if (s.label().equals(t) || name.equalsIgnoreCase(t) || name.replace("_eutrophic", "")
                    .equalsIgnoreCase(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("expected oligotrophic, mesotrophic, light, moderate or heavy (or 中度富营养)");
    }
}
