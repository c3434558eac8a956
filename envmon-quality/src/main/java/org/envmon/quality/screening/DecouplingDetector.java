package org.envmon.quality.screening;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The site stops following its neighbours while they keep following each other: fabricated or transplanted data. In
 * rolling windows ({@code windowHours}, every {@code stepHours}) the Pearson correlation of the site with the hourly
 * neighbour median is compared with each neighbour's correlation with the median of the <em>other</em> neighbours
 * and with the site's own usual correlation (median over all its windows; some sites, e.g. background sites, are
 * always loosely coupled). A window is flagged when the neighbours agree (median of their correlations
 * {@code >= minNeighbourCorrelation}), the neighbour median varies ({@code CV >= minNeighbourCv}), the site's
 * correlation is below {@code maxCorrelation} and at least {@code minDrop} under its usual one, and its regression
 * slope on the neighbour median is below {@code maxSlopeRatio} x its usual slope (a local source adds noise but
 * keeps the slope; invented data loses it). At least
 * {@code minConsecutiveWindows} consecutive flagged windows make an alert. Needs {@code minNeighbours} neighbours
 * with data in the window. The evidence lists each neighbour with its correlation to the site and to the others.
 *
 * @param cfg the detector's thresholds; the no-argument constructor takes the defaults
 */
public record DecouplingDetector(Config cfg) implements Detector {

    public static final String ID = "decoupling";

    public record Config(int windowHours, int stepHours, double maxCorrelation, double minDrop,
            double minNeighbourCorrelation, double minNeighbourCv, double minValidShare, int minNeighbours,
            int minConsecutiveWindows, double maxSlopeRatio) {

        public static Config defaults() {
            return new Config(144, 24, 0.30, 0.40, 0.70, 0.15, 0.75, 3, 2, 0.25);
        }
    }

    public DecouplingDetector() {
        this(Config.defaults());
    }

    @Override
    public String id() {
        return ID;
    }

    private record Window(double site, double slope, double neighbours, Map<String, Double> siteCorr,
            Map<String, Double> nbCorr) {
    }

    @Override
    public List<Suspicion> screen(SiteContext ctx) {
        int nn = ctx.neighbours().size();
        if (nn < cfg.minNeighbours()) {
            return List.of();
        }
        double[] x = ctx.values();
        double[] med = ctx.neighbourMedianShared();
        List<double[]> loo = new ArrayList<>(nn);
        for (int j = 0; j < nn; j++) {
            loo.add(Stats.rowMedian(ctx.neighbourValues(), x.length, SiteContext.MIN_NEIGHBOURS_FOR_MEDIAN, j));
        }
        int w = cfg.windowHours();
        List<int[]> starts = new ArrayList<>();
        List<Window> wins = new ArrayList<>();
        double[] siteCorr = new double[x.length / cfg.stepHours() + 1];
        double[] slopes = new double[siteCorr.length];
        int nc = 0;
        for (int from = 0; from + w <= x.length; from += cfg.stepHours()) {
            Window win = window(ctx, x, med, loo, from, from + w, false);
            starts.add(new int[] {from, from + w});
            wins.add(win);
            if (win != null) {
                slopes[nc] = win.slope();
                siteCorr[nc++] = win.site();
            }
        }
        if (nc == 0) {
            return List.of();
        }
        double usualSlope = Stats.medianOfFirst(slopes, nc);
        double usual = Stats.medianOfFirst(siteCorr, nc);
        Segments seg = new Segments();
        List<int[]> flagged = new ArrayList<>();
        int i = 0;
        while (i < wins.size()) {
            if (!isFlagged(wins.get(i), usual, usualSlope)) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < wins.size() && isFlagged(wins.get(j + 1), usual, usualSlope)) {
                j++;
            }
            if (j - i + 1 >= cfg.minConsecutiveWindows()) {
                seg.add(starts.get(i)[0], starts.get(j)[1]);
                flagged.add(starts.get(i));
            }
            i = j + 1;
        }
        List<Suspicion> out = new ArrayList<>();
        for (Segments.Range r : seg.ranges()) {
            Window win = window(ctx, x, med, loo, r.from(), r.to(), true);
            if (win == null) {
                for (int[] f : flagged) {
                    if (f[0] >= r.from()) {
                        win = window(ctx, x, med, loo, f[0], f[1], true);
                        break;
                    }
                }
            }
            out.add(suspicion(ctx, r.from(), r.to(), win, usual));
        }
        return out;
    }

    private boolean isFlagged(Window win, double usual, double usualSlope) {
        return win != null && win.site() < cfg.maxCorrelation() && win.neighbours() >= cfg.minNeighbourCorrelation()
                && usual - win.site() >= cfg.minDrop() && win.slope() < cfg.maxSlopeRatio() * usualSlope;
    }

    private Window window(SiteContext ctx, double[] x, double[] med, List<double[]> loo, int from, int to,
            boolean detail) {
        int minValid = (int) Math.ceil(cfg.minValidShare() * (to - from));
        if (Stats.count(x, from, to) < minValid || Stats.count(med, from, to) < minValid) {
            return null;
        }
        double m = Stats.mean(med, from, to);
        if (!(m > 0) || Stats.std(med, from, to) / m < cfg.minNeighbourCv()) {
            return null;
        }
        double site = Stats.pearson(x, med, from, to, minValid);
        if (Double.isNaN(site)) {
            return null; // a flat site is the variance-collapse detector's business
        }
        double[] rs = new double[loo.size()];
        int k = 0;
        Map<String, Double> siteCorr = detail ? new LinkedHashMap<>() : null;
        Map<String, Double> nbCorr = detail ? new LinkedHashMap<>() : null;
        for (int j = 0; j < loo.size(); j++) {
            double[] v = ctx.neighbourValues(j);
            if (Stats.count(v, from, to) < minValid) {
                continue;
            }
            double r = Stats.pearson(v, loo.get(j), from, to, minValid);
            if (Double.isNaN(r)) {
                continue;
            }
            rs[k++] = r;
            if (detail) {
                String code = ctx.neighbours().get(j).code();
                nbCorr.put(code, Stats.round(r, 3));
                siteCorr.put(code, Stats.round(Stats.pearson(x, v, from, to, minValid), 3));
            }
        }
        if (k < cfg.minNeighbours()) {
            return null;
        }
        double slope = site * Stats.std(x, from, to) / Stats.std(med, from, to);
        return new Window(site, slope, Stats.medianOfFirst(rs, k), siteCorr, nbCorr);
    }

    private Suspicion suspicion(SiteContext ctx, int from, int to, Window win, double usual) {
        double site = win == null ? Double.NaN : win.site();
        double nbs = win == null ? Double.NaN : win.neighbours();
        double score = win == null ? 0.5 : Stats.clamp01((nbs - site) / 1.0);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("siteCorrelationWithNeighbourMedian", Stats.round(site, 3));
        f.put("siteUsualCorrelation", Stats.round(usual, 3));
        f.put("neighboursMedianCorrelation", Stats.round(nbs, 3));
        f.put("siteCorrelationByNeighbour", win == null ? Map.of() : win.siteCorr());
        f.put("neighbourCorrelationWithOthers", win == null ? Map.of() : win.nbCorr());
        f.put("neighbours", win == null ? List.of() : List.copyOf(win.nbCorr().keySet()));
        f.put("windowHours", cfg.windowHours());
        String text = String.format(Locale.ROOT,
                "Over %d h the site correlates %.2f with the median of neighbours %s (usually %.2f), while they "
                        + "correlate %.2f (median) with each other; site vs each neighbour: %s.",
                to - from, site, f.get("neighbours"), usual, nbs, f.get("siteCorrelationByNeighbour"));
        return new Suspicion(ID, ctx.site().code(), ctx.parameter(), ctx.series().timeAt(from),
                ctx.series().timeAt(to), score, text, f);
    }
}
