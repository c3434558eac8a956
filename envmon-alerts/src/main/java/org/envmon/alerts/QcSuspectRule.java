package org.envmon.alerts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.envmon.hj212.Parameter;
import org.envmon.hj212.ParameterCatalogue;
import org.envmon.quality.qc.QcCode;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.ObservationRow;

/**
 * Suspect data: values that the automatic QC marked ({@link ObservationRow#qcCodes()}, envmon-quality
 * {@link QcCode}) or found invalid, {@code minCount} in a row for one site and parameter. A value is suspect when it
 * carries a counted code: any code ({@code codes} empty) or one of {@code codes}, minus {@code ignoreCodes}; with
 * {@code codes} empty, a value invalid without any code is suspect too. Closes after {@code clearCount} values in a
 * row that are not suspect. In a row is in arrival order; a value not newer than the latest of its series, or older
 * than {@code maxAge} before the engine clock, is skipped. The alert's value is the value as sent; its message names
 * the codes.
 */
public final class QcSuspectRule implements AlertRule {

    /**
     * @param parameters  HJ 212 codes watched (the loader's default: every code of the catalogue)
     * @param codes       QC codes that count, or empty for any
     * @param ignoreCodes QC codes that never count
     * @param medium      only sites of this medium, or null for any
     * @param sites       only these sites, or empty for any
     * @param interval    only values of this interval, or null for any
     */
    public record Spec(String id, Set<String> parameters, Set<QcCode> codes, Set<QcCode> ignoreCodes, Medium medium,
                       Set<String> sites, Interval interval, int minCount, int clearCount, Duration maxAge,
                       Severity severity, String label) {
        public Spec {
            Objects.requireNonNull(id, "id");
            parameters = Set.copyOf(parameters);
            if (parameters.isEmpty()) {
                throw new IllegalArgumentException("rule " + id + ": no parameters");
            }
            codes = Set.copyOf(codes);
            ignoreCodes = Set.copyOf(ignoreCodes);
            sites = Set.copyOf(sites);
            if (minCount < 1 || clearCount < 1) {
                throw new IllegalArgumentException("rule " + id + ": min-count and clear-count must be >= 1");
            }
            if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
                throw new IllegalArgumentException("rule " + id + ": max-age must be positive");
            }
            Objects.requireNonNull(severity, "severity");
            label = label == null || label.isBlank() ? "suspect data (QC)" : label;
        }
    }

    private final Spec spec;
    private final RowFilter filter;
    private final Map<String, Map<String, Streak>> series = new HashMap<>();

    public QcSuspectRule(Spec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.filter = new RowFilter(spec.interval(), spec.medium(), spec.sites(), spec.maxAge());
    }

    /** Every code of the bundled HJ 212 catalogue. */
    public static Set<String> catalogueCodes() {
        return ParameterCatalogue.standard().all().stream().map(Parameter::code)
                .collect(Collectors.toUnmodifiableSet());
    }

    public Spec spec() {
        return spec;
    }

    @Override
    public String id() {
        return spec.id();
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
            series.computeIfAbsent(active.subject(), k -> new HashMap<>())
                    .computeIfAbsent(active.parameter(), k -> new Streak()).restore(active.dataTime());
        }
    }

    @Override
    public void onObservation(ObservationRow row, RuleContext ctx) {
        if (!spec.parameters().contains(row.parameter()) || !filter.accepts(row, ctx)) {
            return;
        }
        Streak s = series.computeIfAbsent(row.siteCode(), k -> new HashMap<>())
                .computeIfAbsent(row.parameter(), k -> new Streak());
        List<String> codes = counted(row);
        AlertKey key = new AlertKey(spec.id(), row.siteCode(), row.parameter());
        double v = Double.isFinite(row.value()) ? row.value() : 0;
        switch (s.next(row.time(), !codes.isEmpty(), spec.minCount(), spec.clearCount())) {
            case RAISE -> ctx.raise(new Condition(key, SubjectType.SITE, spec.severity(), row.time(), v, null, true,
                    String.format(Locale.ROOT, "%s: %s at site %s: %d value(s) in a row marked by QC, latest %s %s",
                            spec.label(), row.parameter(), row.siteCode(), spec.minCount(),
                            ThresholdRule.fmt(row.value()), codes)));
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
