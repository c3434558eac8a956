package org.envmon.quality.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sudden level shift of the site relative to its neighbours: a changed span or zero (calibration tampering) or a
 * fake factor. The hourly log ratio {@code ln((x + c) / (median + c))} against the neighbour median ({@code c} =
 * {@code offsetFraction} x the neighbour median's overall median, to tame low values) is reduced to daily medians.
 * At each day boundary the {@code windowDays} days before and after are compared (two-window mean test): a boundary
 * is a jump when the mean shift is at least {@code minShift} (log units) and {@code |t| >= minT}, keeping only the
 * strongest boundary within {@code windowDays}. A jump followed within {@code maxPairDays} by one of opposite sign
 * (the level coming back) gives one alert spanning both; a lone jump gives an alert over the two days around it.
 *
 * @param cfg the detector's thresholds; the no-argument constructor takes the defaults
 */
public record CalibrationJumpDetector(Config cfg) implements Detector {

    public static final String ID = "calibration-jump";

    public record Config(int windowDays, double minShift, double minT, int minValidDays, int minHoursPerDay,
            int maxPairDays, double offsetFraction) {

        public static Config defaults() {
            return new Config(10, 0.30, 6.0, 5, 12, 60, 0.2);
        }
    }

    public CalibrationJumpDetector() {
        this(Config.defaults());
    }

    @Override
    public String id() {
        return ID;
    }

    private record Jump(int day, double shift, double t, double before, double after) {
    }

    @Override
    public List<Suspicion> screen(SiteContext ctx) {
        double[] x = ctx.values();
        double[] med = ctx.neighbourMedianShared();
        double c = cfg.offsetFraction() * Stats.median(med);
        if (Double.isNaN(c)) {
            return List.of();
        }
        c = Math.max(c, 1e-6);
        double[] lr = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            lr[i] = Double.isNaN(x[i]) || Double.isNaN(med[i]) || x[i] + c <= 0 || med[i] + c <= 0
                    ? Double.NaN : Math.log((x[i] + c) / (med[i] + c));
        }
        int offset = Stats.firstMidnight(ctx.series());
        int days = (x.length - offset) / 24;
        double[] daily = new double[days];
        double[] buf = new double[24];
        for (int d = 0; d < days; d++) {
            int n = 0;
            for (int i = offset + d * 24; i < offset + d * 24 + 24; i++) {
                if (!Double.isNaN(lr[i])) {
                    buf[n++] = lr[i];
                }
            }
            daily[d] = n >= cfg.minHoursPerDay() ? Stats.medianOfFirst(buf, n) : Double.NaN;
        }
        int w = cfg.windowDays();
        List<Jump> candidates = new ArrayList<>();
        for (int k = 1; k < days; k++) {
            int n1 = Stats.count(daily, k - w, k);
            int n2 = Stats.count(daily, k, k + w);
            if (n1 < cfg.minValidDays() || n2 < cfg.minValidDays()) {
                continue;
            }
            double m1 = Stats.mean(daily, k - w, k);
            double m2 = Stats.mean(daily, k, k + w);
            double s1 = Stats.std(daily, k - w, k);
            double s2 = Stats.std(daily, k, k + w);
            double sp = Math.sqrt(((n1 - 1) * s1 * s1 + (n2 - 1) * s2 * s2) / (n1 + n2 - 2));
            double t = (m2 - m1) / (Math.max(sp, 0.02) * Math.sqrt(1.0 / n1 + 1.0 / n2));
            if (Math.abs(m2 - m1) >= cfg.minShift() && Math.abs(t) >= cfg.minT()) {
                candidates.add(new Jump(k, m2 - m1, t, m1, m2));
            }
        }
        candidates.sort(Comparator.comparingDouble((Jump j) -> -Math.abs(j.t())).thenComparingInt(Jump::day));
        List<Jump> jumps = new ArrayList<>();
        for (Jump j : candidates) {
            boolean near = false;
            for (Jump a : jumps) {
                near |= Math.abs(a.day() - j.day()) < w;
            }
            if (!near) {
                jumps.add(j);
            }
        }
        jumps.sort(Comparator.comparingInt(Jump::day));
        List<Suspicion> out = new ArrayList<>();
        boolean[] used = new boolean[jumps.size()];
        for (int i = 0; i < jumps.size(); i++) {
            if (used[i]) {
                continue;
            }
            Jump a = jumps.get(i);
            Jump back = null;
            for (int j = i + 1; j < jumps.size(); j++) {
                Jump b = jumps.get(j);
                if (b.day() - a.day() > cfg.maxPairDays()) {
                    break;
                }
                if (!used[j] && Math.signum(b.shift()) != Math.signum(a.shift())) {
                    back = b;
                    used[j] = true;
                    break;
                }
            }
            out.add(suspicion(ctx, offset, a, back, daily));
        }
        return out;
    }

    private Suspicion suspicion(SiteContext ctx, int offset, Jump a, Jump back, double[] daily) {
        HourlySeries s = ctx.series();
        int fromDay = back == null ? a.day() - 1 : a.day();
        int toDay = back == null ? a.day() + 1 : back.day();
        double pct = Math.expm1(a.shift()) * 100;
        double score = Stats.clamp01(0.5 * Math.min(1, Math.abs(a.shift()) / (2 * cfg.minShift()))
                + 0.3 * Math.min(1, Math.abs(a.t()) / (2 * cfg.minT())) + (back != null ? 0.2 : 0));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("jumpDay", LocalDate.ofInstant(s.timeAt(offset + a.day() * 24), Stats.BEIJING).toString());
        f.put("jumpLogRatio", Stats.round(a.shift(), 3));
        f.put("jumpPercent", Stats.round(pct, 1));
        f.put("t", Stats.round(a.t(), 2));
        f.put("logRatioBefore", Stats.round(a.before(), 3));
        f.put("logRatioAfter", Stats.round(a.after(), 3));
        if (back != null) {
            f.put("returnDay", LocalDate.ofInstant(s.timeAt(offset + back.day() * 24), Stats.BEIJING).toString());
            f.put("returnPercent", Stats.round(Math.expm1(back.shift()) * 100, 1));
        }
        f.put("windowDays", cfg.windowDays());
        f.put("neighbours", ctx.neighbours().stream().map(Neighbour::code).toList());
        String text = String.format(Locale.ROOT,
                "Level vs the median of neighbours %s shifts by %+.0f%% on %s (%d days before vs after, t = %.1f)%s.",
                f.get("neighbours"), pct, f.get("jumpDay"), cfg.windowDays(), a.t(),
                back == null ? "" : String.format(Locale.ROOT, " and shifts back by %+.0f%% on %s",
                        f.get("returnPercent"), f.get("returnDay")));
        int from = Math.max(0, offset + fromDay * 24);
        int to = Math.min(s.length(), offset + toDay * 24);
        return new Suspicion(ID, ctx.site().code(), ctx.parameter(), s.timeAt(from), s.timeAt(to), score, text, f);
    }
}
