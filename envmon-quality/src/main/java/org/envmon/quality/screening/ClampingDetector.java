package org.envmon.quality.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Values held just under a limit. The site's values (daily means or hourly values) are predicted from the neighbour
 * median times the site's own usual ratio to it (median over the whole series). Among the units where the
 * prediction clearly exceeds the limit ({@code >= limit * (1 + expectedMargin)}), a unit is <em>pinned</em> when the
 * site reports a value in the narrow band {@code [limit * (1 - band), limit)} and <em>honest</em> when it reports
 * {@code >= limit}. A sliding window is flagged when it holds at least {@code minPinned} pinned units and pinned units
 * make up at least {@code minPinnedShare} of pinned + honest. The alert spans the pinned units; its evidence gives the
 * density just below and just above the limit for the site and for its neighbours (pooled) in the window and for the
 * site over the whole series.
 *
 * @param cfg the detector's thresholds; the no-argument constructor takes the defaults
 */
public record ClampingDetector(Config cfg) implements Detector {

    public static final String ID = "clamping";

    /** What is compared with the limit. */
    public enum Basis {
        /** Beijing calendar-day means (at least 20 valid hours), as the GB 3095 24-h limits. */
        DAILY_MEAN,
        /** Hourly values, as the 1-h limits or an internal alarm threshold. */
        HOURLY
    }

    public record Config(double limit, Basis basis, double band, double expectedMargin, int windowUnits,
            int stepUnits, int minPinned, double minPinnedShare) {

        /** PM2.5 daily mean under the GB 3095-2012 class-2 24-h limit of 75 µg/m³. */
        public static Config pm25Daily() {
            return new Config(75.0, Basis.DAILY_MEAN, 0.12, 0.10, 28, 7, 3, 0.75);
        }

        /** Hourly values under {@code threshold}: 7-day windows, at least 6 pinned hours. */
        public static Config hourly(double threshold) {
            return new Config(threshold, Basis.HOURLY, 0.08, 0.10, 168, 24, 6, 0.75);
        }
    }

    private static final int MIN_DAY_HOURS = 20;
    private static final int MIN_RATIO_UNITS = 20;

    public ClampingDetector() {
        this(Config.pm25Daily());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Suspicion> screen(SiteContext ctx) {
        boolean daily = cfg.basis() == Basis.DAILY_MEAN;
        int offset = daily ? Stats.firstMidnight(ctx.series()) : 0;
        int unit = daily ? 24 : 1;
        int minValid = daily ? MIN_DAY_HOURS : 1;
        double[] s = Stats.blockMeans(ctx.values(), offset, unit, minValid);
        List<double[]> nb = new ArrayList<>();
        for (double[] v : ctx.neighbourValues()) {
            nb.add(Stats.blockMeans(v, offset, unit, minValid));
        }
        int n = s.length;
        if (nb.size() < SiteContext.MIN_NEIGHBOURS_FOR_MEDIAN || n == 0) {
            return List.of();
        }
        double[] m = Stats.rowMedian(nb, n, SiteContext.MIN_NEIGHBOURS_FOR_MEDIAN, -1);
        double limit = cfg.limit();
        double k = usualRatio(s, m, limit);
        if (Double.isNaN(k)) {
            return List.of();
        }
        double lower = limit * (1 - cfg.band());
        boolean[] pinned = new boolean[n];
        boolean[] honest = new boolean[n];
        for (int u = 0; u < n; u++) {
            if (Double.isNaN(s[u]) || Double.isNaN(m[u]) || k * m[u] < limit * (1 + cfg.expectedMargin())) {
                continue;
            }
            pinned[u] = s[u] >= lower && s[u] < limit;
            honest[u] = s[u] >= limit;
        }
        Segments seg = new Segments();
        for (int w = 0; w < n; w += cfg.stepUnits()) {
            int end = Math.min(n, w + cfg.windowUnits());
            int p = countTrue(pinned, w, end);
            int e = countTrue(honest, w, end);
            if (p >= cfg.minPinned() && p >= cfg.minPinnedShare() * (p + e)) {
                seg.add(w, end);
            }
            if (end == n) {
                break;
            }
        }
        List<Suspicion> out = new ArrayList<>();
        for (Segments.Range r : seg.ranges()) {
            int first = r.from();
            while (!pinned[first]) {
                first++;
            }
            int last = r.to() - 1;
            while (!pinned[last]) {
                last--;
            }
            out.add(suspicion(ctx, s, m, nb, k, pinned, honest, first, last + 1, offset, unit));
        }
        return out;
    }

    private Suspicion suspicion(SiteContext ctx, double[] s, double[] m, List<double[]> nb, double k,
            boolean[] pinned, boolean[] honest, int from, int to, int offset, int unit) {
        double limit = cfg.limit();
        double lower = limit * (1 - cfg.band());
        double upper = limit * (1 + cfg.band());
        int p = countTrue(pinned, from, to);
        int e = countTrue(honest, from, to);
        int[] own = bandCounts(s, from, to, lower, limit, upper);
        int[] ownAll = bandCounts(s, 0, s.length, lower, limit, upper);
        int[] nbc = new int[2];
        for (double[] v : nb) {
            int[] c = bandCounts(v, from, to, lower, limit, upper);
            nbc[0] += c[0];
            nbc[1] += c[1];
        }
        List<String> pinnedUnits = new ArrayList<>();
        for (int u = from; u < to; u++) {
            if (pinned[u]) {
                String label = cfg.basis() == Basis.DAILY_MEAN
                        ? LocalDate.ofInstant(ctx.series().timeAt(offset + u * unit), Stats.BEIJING).toString()
                        : Stats.beijing(ctx.series().timeAt(offset + u * unit));
                pinnedUnits.add(label + " site " + Stats.round(s[u], 1) + " neighbours " + Stats.round(m[u], 1));
            }
        }
        double share = (double) p / (p + e);
        double score = Stats.clamp01(share * (0.5 + 0.5 * Math.min(1.0, (p - cfg.minPinned() + 1) / 4.0)));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("limit", limit);
        f.put("basis", cfg.basis().name());
        f.put("bandBelow", List.of(Stats.round(lower, 2), limit));
        f.put("pinnedUnits", p);
        f.put("honestExceedances", e);
        f.put("pinnedShare", Stats.round(share, 3));
        f.put("usualRatioToNeighbours", Stats.round(k, 3));
        f.put("siteJustBelow", own[0]);
        f.put("siteJustAbove", own[1]);
        f.put("siteJustBelowWholeSeries", ownAll[0]);
        f.put("siteJustAboveWholeSeries", ownAll[1]);
        f.put("neighboursJustBelow", nbc[0]);
        f.put("neighboursJustAbove", nbc[1]);
        f.put("neighbours", ctx.neighbours().stream().map(Neighbour::code).toList());
        f.put("pinned", List.copyOf(pinnedUnits));
        String unitName = cfg.basis() == Basis.DAILY_MEAN ? "days" : "hours";
        String text = String.format(Locale.ROOT,
                "%d %s in [%.1f, %.1f) while the neighbour median (x usual ratio %.2f) was above %.1f; only %d such "
                        + "%s reported >= %.1f. Just below/above the limit: site %d/%d here (%d/%d over the series), "
                        + "neighbours %s %d/%d here.",
                p, unitName, lower, limit, k, limit * (1 + cfg.expectedMargin()), e, unitName, limit,
                own[0], own[1], ownAll[0], ownAll[1], f.get("neighbours"), nbc[0], nbc[1]);
        return new Suspicion(ID, ctx.site().code(), ctx.parameter(), ctx.series().timeAt(offset + from * unit),
                ctx.series().timeAt(offset + to * unit), score, text, f);
    }

    /** Median of site / neighbour-median over units where the neighbours are not negligible, clamped to 0.5..2. */
    private static double usualRatio(double[] s, double[] m, double limit) {
        double[] r = new double[s.length];
        int n = 0;
        for (int u = 0; u < s.length; u++) {
            if (!Double.isNaN(s[u]) && !Double.isNaN(m[u]) && m[u] >= 0.2 * limit) {
                r[n++] = s[u] / m[u];
            }
        }
        if (n < MIN_RATIO_UNITS) {
            return Double.NaN;
        }
        return Math.max(0.5, Math.min(2.0, Stats.medianOfFirst(r, n)));
    }

    /** {just below [lower, limit), just above [limit, upper)}. */
    private static int[] bandCounts(double[] v, int from, int to, double lower, double limit, double upper) {
        int[] c = new int[2];
        for (int u = from; u < to; u++) {
            if (v[u] >= lower && v[u] < limit) {
                c[0]++;
            } else if (v[u] >= limit && v[u] < upper) {
                c[1]++;
            }
        }
        return c;
    }

    private static int countTrue(boolean[] b, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (b[i]) {
                n++;
            }
        }
        return n;
    }
}
