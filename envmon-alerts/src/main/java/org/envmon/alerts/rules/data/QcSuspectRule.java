package org.envmon.alerts.rules.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
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
import org.envmon.alerts.rules.Streaks;
import org.envmon.hj212.Parameter;
import org.envmon.hj212.ParameterCatalogue;
import org.envmon.model.ObservationRow;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.AlertKey;
import org.envmon.model.alert.Condition;
import org.envmon.model.alert.Severity;
import org.envmon.model.alert.SubjectType;
import org.envmon.quality.qc.QcCode;

/**
 * Suspect data: values that the automatic QC marked ({@link ObservationRow#qcCodes()}, envmon-quality
 * {@link QcCode}) or found invalid, {@code minCount} in a row for one site and parameter. A value is suspect when it
 * carries a counted code: any code ({@code codes} empty) or one of {@code codes}, minus {@code ignoreCodes}; with
 * {@code codes} empty, a value invalid without any code is suspect too. Closes after {@code clearCount} values in a
 * row that are not suspect. In a row is in arrival order; a value not newer than the latest of its series, or older
 * than {@code maxAge} before the engine clock, is skipped. The alert's value is the value as sent; its message names
 * the codes.
 *
 * <p>Settings ({@code type=qc-suspect}): {@code parameters} (default every catalogue code), {@code codes} (QC codes
 * that count; default any), {@code ignore-codes} (none), {@code medium} (any), {@code sites} (any), {@code interval}
 * (hour), {@code min-count} (1), {@code clear-count} (1), {@code max-age} (P2D).
 */
public final class QcSuspectRule extends ConfiguredRule<QcSuspectRule.Spec> {

    /** The type {@code qc-suspect}. */
    public static final RuleType<Spec> TYPE = new RuleType<>("qc-suspect", Severity.WARNING, Set.of("parameters",
            "codes", "ignore-codes", "medium", "sites", "interval", "min-count", "clear-count", "max-age"), Spec::read,
            QcSuspectRule::new);

    /**
     * @param parameters  HJ 212 codes watched (the loader's default: every code of the catalogue)
     * @param codes       QC codes that count, or empty for any
     * @param ignoreCodes QC codes that never count
     */
    public record Spec(RuleBasics basics, Scope scope, Runs runs, Set<String> parameters, Set<QcCode> codes,
                       Set<QcCode> ignoreCodes) implements SeriesSpec {
        public Spec {
            parameters = Set.copyOf(parameters);
            if (parameters.isEmpty()) {
                throw basics.invalid("no parameters");
            }
            codes = Set.copyOf(codes);
            ignoreCodes = Set.copyOf(ignoreCodes);
            basics = basics.labelOr("suspect data (QC)");
        }

        static Spec read(RuleBasics basics, RuleSettings s) {
            return new Spec(basics, s.scope(), s.runs(1),
                    s.has("parameters") ? s.nonEmptySet("parameters") : catalogueCodes(), qcCodes(s, "codes"),
                    qcCodes(s, "ignore-codes"));
        }

        /** QC code names (envmon-quality {@link QcCode}); empty when not set. */
        private static Set<QcCode> qcCodes(RuleSettings s, String key) {
            Set<QcCode> out = EnumSet.noneOf(QcCode.class);
            for (String name : s.set(key)) {
                try {
                    out.add(QcCode.valueOf(name.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw s.bad(key, name, "not a QC code (" + Arrays.toString(QcCode.values()) + ")");
                }
            }
            return out;
        }
    }

    private final RowFilter filter;
    private final Streaks series = new Streaks();

    public QcSuspectRule(Spec spec) {
        super(spec);
        this.filter = spec.scope().rows(spec.maxAge());
    }

    /** Every code of the bundled HJ 212 catalogue. */
    public static Set<String> catalogueCodes() {
        return ParameterCatalogue.standard().all().stream().map(Parameter::code)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Set<String> parameters() {
        return spec.parameters();
    }

    /** The counted codes of a row (names; "invalid" for an invalid row without codes when any code counts). */
    List<String> counted(ObservationRow row) {
        List<String> out = new ArrayList<>();
        for (String c : row.qcCodes()) {
            QcCode code;
            try {
                code = QcCode.valueOf(c.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                code = null; // a code this version does not know: counts only when any code counts
            }
            if (code != null && spec.ignoreCodes().contains(code)) {
                continue;
            }
            if (spec.codes().isEmpty() || (code != null && spec.codes().contains(code))) {
                out.add(c);
            }
        }
        if (out.isEmpty() && spec.codes().isEmpty() && !row.valid() && row.qcCodes().isEmpty()) {
            out.add("invalid");
        }
        return out;
    }

    /**
     * An alert still active after a restart: its site and parameter series counts as raised again (without its
     * history; the value that raised it is taken as the latest), so later suspect values persist it and
     * {@code clearCount} clean ones in a row close it.
     */
    @Override
    public void restore(Alert active) {
        if (spec.parameters().contains(active.parameter())) {
            series.restore(active);
        }
    }

    @Override
    public void onObservation(ObservationRow row, RuleContext ctx) {
        if (!spec.parameters().contains(row.parameter()) || !filter.accepts(row, ctx)) {
            return;
        }
        Streak s = series.of(row.siteCode(), row.parameter());
        List<String> codes = counted(row);
        AlertKey key = new AlertKey(spec.id(), row.siteCode(), row.parameter());
        double v = Double.isFinite(row.value()) ? row.value() : 0;
        switch (s.next(row.time(), !codes.isEmpty(), spec.minCount(), spec.clearCount())) {
            case RAISE -> ctx.raise(new Condition(key, SubjectType.SITE, spec.severity(), row.time(), v, null, true,
                    String.format(Locale.ROOT, "%s: %s at site %s: %d value(s) in a row marked by QC, latest %s %s",
                            spec.label(), row.parameter(), row.siteCode(), spec.minCount(),
                            Numbers.fmt(row.value()), codes)));
            case PERSIST -> ctx.persist(key, v, true);
            case CLEAR -> {
                ctx.persist(key, v, true);
                ctx.clear(key, String.format(Locale.ROOT, "%d clean value(s) in a row", spec.clearCount()));
            }
            default -> {
            }
        }
    }
}
