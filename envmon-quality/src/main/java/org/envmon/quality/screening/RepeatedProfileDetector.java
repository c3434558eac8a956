package org.envmon.quality.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A day's 24 hourly values that repeat an earlier day's, up to a scale and a shift: a copied profile. Each Beijing
 * calendar day with at least {@code minValidHours} values and some shape (CV {@code >= minProfileCv}, at least
 * {@code minDistinctValues} distinct values) is compared with each of the {@code lookbackDays} days before it. A pair
 * matches when the levels correlate {@code >= minLevelCorrelation} <em>and</em> the hour-to-hour changes correlate
 * {@code >= minDiffCorrelation} (natural look-alike days rarely share the changes), the fitted scale lies within
 * {@code [1/maxScale, maxScale]}, and the neighbour median did not itself repeat between the two days (its
 * correlation below {@code maxNeighbourCorrelation}, when defined). Consecutive matching days form one alert; the
 * evidence names, per day, the copied-from day with the fitted scale and shift.
 *
 * @param cfg the detector's thresholds; the no-argument constructor takes the defaults
 */
public record RepeatedProfileDetector(Config cfg) implements Detector {

    public static final String ID = "repeated-profile";

    public record Config(int lookbackDays, double minLevelCorrelation, double minDiffCorrelation,
            double maxNeighbourCorrelation, int minValidHours, double minProfileCv, int minDistinctValues,
            double maxScale) {

        public static Config defaults() {
            return new Config(28, 0.98, 0.95, 0.90, 22, 0.15, 8, 3.0);
        }
    }

    public RepeatedProfileDetector() {
        this(Config.defaults());
    }

    @Override
    public String id() {
        return ID;
    }

    private record Match(int day, int source, double levelCorr, double diffCorr, double scale, double shift,
            double neighbourCorr) {
    }

    @Override
    public List<Suspicion> screen(SiteContext ctx) {
        double[] x = ctx.values();
        double[] med = ctx.neighbourMedianShared();
        int offset = Stats.firstMidnight(ctx.series());
        int days = (x.length - offset) / 24;
        double[] diff = new double[x.length];
        diff[0] = Double.NaN;
        for (int i = 1; i < x.length; i++) {
            diff[i] = x[i] - x[i - 1];
        }
        boolean[] shaped = new boolean[days];
        for (int d = 0; d < days; d++) {
            shaped[d] = shaped(x, offset + d * 24);
        }
        List<Match> matches = new ArrayList<>();
        for (int d = 1; d < days; d++) {
            if (!shaped[d]) {
                continue;
            }
            int a = offset + d * 24;
            Match best = null;
            for (int e = Math.max(0, d - cfg.lookbackDays()); e < d; e++) {
                if (!shaped[e]) {
                    continue;
                }
                int b = offset + e * 24;
                double rl = Stats.pearson(x, a, x, b, 24, cfg.minValidHours());
                if (!(rl >= cfg.minLevelCorrelation())) {
                    continue;
                }
                // changes within the day only (the first change of a day crosses midnight)
                double rd = Stats.pearson(diff, a + 1, diff, b + 1, 23, cfg.minValidHours() - 2);
                if (!(rd >= cfg.minDiffCorrelation())) {
                    continue;
                }
                double[] fit = fit(x, a, b);
                if (!(fit[0] >= 1 / cfg.maxScale() && fit[0] <= cfg.maxScale())) {
                    continue;
                }
                double rn = Stats.pearson(med, a, med, b, 24, cfg.minValidHours());
                if (rn >= cfg.maxNeighbourCorrelation()) {
                    continue;
                }
                if (best == null || rl > best.levelCorr()) {
                    best = new Match(d, e, rl, rd, fit[0], fit[1], rn);
                }
            }
            if (best != null) {
                matches.add(best);
            }
        }
        List<Suspicion> out = new ArrayList<>();
        int i = 0;
        while (i < matches.size()) {
            int j = i;
            while (j + 1 < matches.size() && matches.get(j + 1).day() == matches.get(j).day() + 1) {
                j++;
            }
            out.add(suspicion(ctx, matches.subList(i, j + 1), offset));
            i = j + 1;
        }
        return out;
    }

    private boolean shaped(double[] x, int from) {
        if (from + 24 > x.length || Stats.count(x, from, from + 24) < cfg.minValidHours()) {
            return false;
        }
        double m = Stats.mean(x, from, from + 24);
        if (!(m > 0) || Stats.std(x, from, from + 24) / m < cfg.minProfileCv()) {
            return false;
        }
        double[] v = new double[24];
        int n = 0;
        for (int i = from; i < from + 24; i++) {
            if (!Double.isNaN(x[i])) {
                v[n++] = x[i];
            }
        }
        java.util.Arrays.sort(v, 0, n);
        int distinct = n == 0 ? 0 : 1;
        for (int i = 1; i < n; i++) {
            if (v[i] != v[i - 1]) {
                distinct++;
            }
        }
        return distinct >= cfg.minDistinctValues();
    }

    /** Least squares y(day a) = scale * y(day b) + shift over the hours both have. */
    private static double[] fit(double[] x, int a, int b) {
        Stats.PairSums p = Stats.PairSums.of(x, b, x, a, 24);
        double vx = p.sxx() - p.sx() * p.sx() / p.n();
        double scale = vx <= 0 ? Double.NaN : p.centredCrossSum() / vx;
        return new double[] {scale, (p.sy() - scale * p.sx()) / p.n()};
    }

    private Suspicion suspicion(SiteContext ctx, List<Match> run, int offset) {
        HourlySeries s = ctx.series();
        int firstDay = run.get(0).day();
        int lastDay = run.get(run.size() - 1).day();
        List<Map<String, Object>> copies = new ArrayList<>();
        StringBuilder pairs = new StringBuilder();
        double minCorr = 1;
        for (Match m : run) {
            Map<String, Object> c = new LinkedHashMap<>();
            String day = LocalDate.ofInstant(s.timeAt(offset + m.day() * 24), Stats.BEIJING).toString();
            String src = LocalDate.ofInstant(s.timeAt(offset + m.source() * 24), Stats.BEIJING).toString();
            c.put("day", day);
            c.put("copiedFrom", src);
            c.put("levelCorrelation", Stats.round(m.levelCorr(), 4));
            c.put("changeCorrelation", Stats.round(m.diffCorr(), 4));
            c.put("scale", Stats.round(m.scale(), 3));
            c.put("shift", Stats.round(m.shift(), 2));
            c.put("neighbourMedianCorrelation", Double.isNaN(m.neighbourCorr()) ? "n/a"
                    : Stats.round(m.neighbourCorr(), 3));
            copies.add(c);
            minCorr = Math.min(minCorr, m.diffCorr());
            if (pairs.length() > 0) {
                pairs.append("; ");
            }
            pairs.append(String.format(Locale.ROOT, "%s = %.2f x %s %+.1f (r %.3f, changes r %.3f, neighbours r %s)",
                    day, m.scale(), src, m.shift(), m.levelCorr(), m.diffCorr(), c.get("neighbourMedianCorrelation")));
        }
        double strength = (minCorr - cfg.minDiffCorrelation()) / (1 - cfg.minDiffCorrelation());
        double score = Stats.clamp01(0.4 + 0.3 * Math.min(1, run.size() / 3.0) + 0.3 * strength);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("days", run.size());
        f.put("copies", List.copyOf(copies));
        f.put("neighbours", ctx.neighbours().stream().map(Neighbour::code).toList());
        String text = run.size() + " day(s) repeat an earlier day's profile while the neighbour median does not: "
                + pairs;
        return new Suspicion(ID, ctx.site().code(), ctx.parameter(), s.timeAt(offset + firstDay * 24),
                s.timeAt(offset + (lastDay + 1) * 24), score, text, f);
    }
}
