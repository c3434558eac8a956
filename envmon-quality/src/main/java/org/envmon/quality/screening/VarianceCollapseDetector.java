package org.envmon.quality.screening;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The site's series goes (nearly) flat while its neighbours keep varying: an analyser left disconnected with a
 * faked steady value, or a sensor kept wet. In rolling windows ({@code windowHours}, every {@code stepHours}) the
 * coefficient of variation (std / mean) of the site is compared with the median CV of the neighbours; a window is
 * flagged when the neighbours vary ({@code median CV >= minNeighbourCv}, at least {@code minNeighbours} with enough
 * data) and the site's CV is at most {@code maxCvRatio} times theirs. Overlapping flagged windows form one alert;
 * the evidence names the neighbours with their CV and the site's longest run of identical values.
 *
 * @param cfg the detector's thresholds; the no-argument constructor takes the defaults
 */
public record VarianceCollapseDetector(Config cfg) implements Detector {

    public static final String ID = "variance-collapse";

    public record Config(int windowHours, int stepHours, double maxCvRatio, double minNeighbourCv,
            double minValidShare, int minNeighbours) {

        public static Config defaults() {
            return new Config(48, 24, 0.25, 0.20, 0.75, 2);
        }
    }

    public VarianceCollapseDetector() {
        this(Config.defaults());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Suspicion> screen(SiteContext ctx) {
        double[] x = ctx.values();
        int n = x.length;
        int w = cfg.windowHours();
        int minValid = (int) Math.ceil(cfg.minValidShare() * w);
        Segments seg = new Segments();
        for (int from = 0; from + w <= n; from += cfg.stepHours()) {
            int to = from + w;
            double ratio = ratio(ctx, from, to, minValid, null);
            if (!Double.isNaN(ratio) && ratio <= cfg.maxCvRatio()) {
                seg.add(from, to);
            }
        }
        List<Suspicion> out = new ArrayList<>();
        for (Segments.Range r : seg.ranges()) {
            out.add(suspicion(ctx, r.from(), r.to(), minValid));
        }
        return out;
    }

    /** Site CV / neighbours' median CV in the window, NaN when undefined or the neighbours do not vary enough. */
    private double ratio(SiteContext ctx, int from, int to, int minValid, Map<String, Double> nbCv) {
        double[] x = ctx.values();
        if (Stats.count(x, from, to) < minValid) {
            return Double.NaN;
        }
        double[] cvs = new double[ctx.neighbours().size()];
        int k = 0;
        for (int j = 0; j < cvs.length; j++) {
            double[] v = ctx.neighbourValues(j);
            if (Stats.count(v, from, to) < minValid) {
                continue;
            }
            double cv = cv(v, from, to);
            if (!Double.isNaN(cv)) {
                cvs[k++] = cv;
                if (nbCv != null) {
                    nbCv.put(ctx.neighbours().get(j).code(), Stats.round(cv, 3));
                }
            }
        }
        if (k < cfg.minNeighbours()) {
            return Double.NaN;
        }
        double nbMedian = Stats.medianOfFirst(cvs, k);
        if (nbMedian < cfg.minNeighbourCv()) {
            return Double.NaN;
        }
        double own = cv(x, from, to);
        return Double.isNaN(own) ? Double.NaN : own / nbMedian;
    }

    private static double cv(double[] v, int from, int to) {
        double m = Stats.mean(v, from, to);
        double s = Stats.std(v, from, to);
        if (Double.isNaN(s)) {
            return Double.NaN;
        }
        if (s == 0) {
            return 0;
        }
        return m > 0 ? s / m : Double.NaN;
    }

    private Suspicion suspicion(SiteContext ctx, int from, int to, int minValid) {
        Map<String, Double> nbCv = new LinkedHashMap<>();
        double ratio = ratio(ctx, from, to, minValid, nbCv);
        double[] x = ctx.values();
        double own = cv(x, from, to);
        if (Double.isNaN(ratio)) {
            // the whole merged span may be too gappy for the neighbours; fall back to the first window
            nbCv.clear();
            ratio = ratio(ctx, from, from + cfg.windowHours(), minValid, nbCv);
            own = cv(x, from, from + cfg.windowHours());
        }
        int[] run = longestFlatRun(x, from, to);
        double r = Double.isNaN(ratio) ? 0 : ratio;
        double score = Stats.clamp01(1 - r / (2 * cfg.maxCvRatio()));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("siteCv", Stats.round(own, 4));
        f.put("neighbourMedianCv", Stats.round(Stats.median(nbCv.values().stream().mapToDouble(d -> d).toArray()), 4));
        f.put("cvRatio", Stats.round(r, 4));
        f.put("siteMean", Stats.round(Stats.mean(x, from, to), 2));
        f.put("siteStd", Stats.round(Stats.std(x, from, to), 3));
        f.put("longestFlatRunHours", run[1]);
        f.put("longestFlatRunFrom", Stats.beijing(ctx.series().timeAt(run[0])));
        f.put("neighbourCv", Map.copyOf(nbCv));
        f.put("neighbours", List.copyOf(nbCv.keySet()));
        String text = String.format(Locale.ROOT,
                "CV %.3f at the site vs %.3f median of neighbours %s (ratio %.2f) over %d h; site mean %.1f, "
                        + "std %.2f, longest run of one identical value %d h.",
                own, f.get("neighbourMedianCv"), nbCv.keySet(), r, to - from, f.get("siteMean"), f.get("siteStd"),
                run[1]);
        return new Suspicion(ID, ctx.site().code(), ctx.parameter(), ctx.series().timeAt(from),
                ctx.series().timeAt(to), score, text, f);
    }

    /** {start index, length} of the longest run of equal consecutive valid values in the range. */
    static int[] longestFlatRun(double[] x, int from, int to) {
        int bestStart = from;
        int best = 0;
        int start = from;
        int len = 0;
        for (int i = from; i < to; i++) {
            if (Double.isNaN(x[i])) {
                len = 0;
                continue;
            }
            if (len > 0 && x[i] == x[i - 1]) {
                len++;
            } else {
                start = i;
                len = 1;
            }
            if (len > best) {
                best = len;
                bestStart = start;
            }
        }
        return new int[] {bestStart, best};
    }
}
