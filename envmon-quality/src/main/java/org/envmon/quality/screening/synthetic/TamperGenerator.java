package org.envmon.quality.screening.synthetic;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.envmon.quality.screening.HourlySeries;

/**
 * Injects one tampering into a copy of a real series at a random window and records the ground truth. Pure and
 * deterministic: the same series, type and seed give the same result. Values are rounded to {@code decimals} (CNEMC
 * publishes integers for µg/m³) and kept non-negative; missing hours stay missing.
 */
public final class TamperGenerator {

    /** Result: the tampered series and what was done. */
    public record Tampered(HourlySeries series, Tamper truth) {
    }

    private static final ZoneOffset BEIJING = org.envmon.model.BeijingTime.OFFSET;
    private static final int TRIES = 60;

    private final double limit;
    private final int decimals;

    /**
     * @param limit    daily-mean limit the clamping tamper pins values under (75 for PM2.5, GB 3095-2012 class 2)
     * @param decimals decimals of the published values
     */
    public TamperGenerator(double limit, int decimals) {
        this.limit = limit;
        this.decimals = decimals;
    }

    /** PM2.5: limit 75 µg/m³, integers. */
    public static TamperGenerator pm25() {
        return new TamperGenerator(75.0, 0);
    }

    /** Empty when the series offers no window where this tampering changes anything (e.g. no day above the limit). */
    public Optional<Tampered> inject(TamperType type, HourlySeries s, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = s.values();
        int offset = (24 - s.start().atOffset(BEIJING).getHour()) % 24;
        int days = (x.length - offset) / 24;
        Map<String, Object> d = new LinkedHashMap<>();
        int from;
        int to;
        switch (type) {
            case CLAMP -> {
                int[] r = clamp(x, offset, days, rnd, d);
                if (r == null) {
                    return Optional.empty();
                }
                from = r[0];
                to = r[1];
            }
            case VARIANCE_COLLAPSE -> {
                from = window(x, 168, rnd, offset);
                if (from < 0) {
                    return Optional.empty();
                }
                to = from + 168;
                double mean = mean(x, from, to);
                double level = mean * (0.7 + 0.3 * rnd.nextDouble());
                double f = 0.15 * rnd.nextDouble();
                for (int i = from; i < to; i++) {
                    if (!Double.isNaN(x[i])) {
                        x[i] = level + f * (x[i] - mean);
                    }
                }
                d.put("level", round(level, 1));
                d.put("keptVarianceFraction", round(f * f, 4));
            }
            case DECOUPLE -> {
                from = window(x, 168, rnd, offset);
                if (from < 0) {
                    return Optional.empty();
                }
                to = from + 168;
                int src = -1;
                for (int t = 0; t < TRIES && src < 0; t++) {
                    int c = window(x, 168, rnd, offset);
                    if (c >= 0 && Math.abs(c - from) >= 30 * 24) {
                        src = c;
                    }
                }
                if (src < 0) {
                    return Optional.empty();
                }
                double m = mean(x, from, to);
                double sd = std(x, from, to);
                double ms = mean(x, src, src + 168);
                double ss = std(x, src, src + 168);
                double[] orig = s.values();
                for (int i = 0; i < 168; i++) {
                    if (!Double.isNaN(x[from + i])) {
                        double v = orig[src + i];
                        x[from + i] = Double.isNaN(v) ? m : m + (v - ms) * (ss > 0 ? sd / ss : 0);
                    }
                }
                d.put("sourceFrom", s.timeAt(src).toString());
            }
            case REPEATED_PROFILE -> {
                int lag = 1 + rnd.nextInt(21);
                if (days < lag + 8) {
                    return Optional.empty();
                }
                int day0 = lag + rnd.nextInt(days - lag - 7);
                from = offset + day0 * 24;
                to = from + 7 * 24;
                for (int k = 0; k < 7; k++) {
                    double scale = 0.85 + 0.3 * rnd.nextDouble();
                    double shift = -3 + 6 * rnd.nextDouble();
                    int a = from + k * 24;
                    int b = a - lag * 24;
                    for (int h = 0; h < 24; h++) {
                        x[a + h] = Double.isNaN(x[b + h]) ? Double.NaN : scale * x[b + h] + shift;
                    }
                }
                d.put("lagDays", lag);
            }
            case CALIBRATION_JUMP -> {
                int len = (14 + rnd.nextInt(15)) * 24;
                from = window(x, len, rnd, offset);
                if (from < 0) {
                    return Optional.empty();
                }
                to = from + len;
                double factor = rnd.nextDouble() < 0.7 ? 0.55 + 0.2 * rnd.nextDouble() : 1.4 + 0.4 * rnd.nextDouble();
                for (int i = from; i < to; i++) {
                    x[i] *= factor;
                }
                d.put("factor", round(factor, 3));
            }
            default -> throw new IllegalArgumentException(type.toString());
        }
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(x[i])) {
                x[i] = Math.max(0, round(x[i], decimals));
            }
        }
        Tamper truth = new Tamper(s.siteCode(), type, s.timeAt(from), s.timeAt(to), d);
        return Optional.of(new Tampered(s.withValues(x), truth));
    }

    /** Scales down days whose mean is >= limit in a random 30-day window with at least 3 such days. */
    private int[] clamp(double[] x, int offset, int days, SplittableRandom rnd, Map<String, Object> d) {
        int span = 30;
        if (days < span) {
            return null;
        }
        for (int t = 0; t < TRIES; t++) {
            int day0 = rnd.nextInt(days - span + 1);
            int above = 0;
            for (int k = day0; k < day0 + span; k++) {
                double m = dayMean(x, offset + k * 24);
                if (m >= limit * 1.05) {
                    above++;
                }
            }
            if (above < 3) {
                continue;
            }
            int first = -1;
            int last = -1;
            int changed = 0;
            for (int k = day0; k < day0 + span; k++) {
                int a = offset + k * 24;
                double m = dayMean(x, a);
                if (!(m >= limit)) {
                    continue;
                }
                double target = limit * (0.90 + 0.095 * rnd.nextDouble());
                for (int h = a; h < a + 24; h++) {
                    x[h] *= target / m;
                }
                // rounding may push the mean back up; nudge down until the day is under the limit
                while (dayMean(roundedCopy(x, a), 0) >= limit) {
                    for (int h = a; h < a + 24; h++) {
                        x[h] *= 0.995;
                    }
                }
                changed++;
                first = first < 0 ? a : first;
                last = a + 24;
            }
            d.put("limit", limit);
            d.put("daysPinned", changed);
            return new int[] {first, last};
        }
        return null;
    }

    private double[] roundedCopy(double[] x, int a) {
        double[] c = new double[24];
        for (int h = 0; h < 24; h++) {
            c[h] = Double.isNaN(x[a + h]) ? Double.NaN : round(x[a + h], decimals);
        }
        return c;
    }

    /** Mean of a day with at least 20 values, else NaN. */
    private static double dayMean(double[] x, int a) {
        double s = 0;
        int n = 0;
        for (int h = a; h < a + 24 && h < x.length; h++) {
            if (!Double.isNaN(x[h])) {
                s += x[h];
                n++;
            }
        }
        return n >= 20 ? s / n : Double.NaN;
    }

    /** A random day-aligned window of {@code len} hours with at least 75 % values, or -1. */
    private static int window(double[] x, int len, SplittableRandom rnd, int offset) {
        int days = (x.length - offset - len) / 24;
        if (days <= 0) {
            return -1;
        }
        for (int t = 0; t < TRIES; t++) {
            int from = offset + rnd.nextInt(days) * 24;
            int n = 0;
            for (int i = from; i < from + len; i++) {
                if (!Double.isNaN(x[i])) {
                    n++;
                }
            }
            if (n >= 0.75 * len && std(x, from, from + len) > 0) {
                return from;
            }
        }
        return -1;
    }

    private static double mean(double[] x, int from, int to) {
        double s = 0;
        int n = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(x[i])) {
                s += x[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    private static double std(double[] x, int from, int to) {
        double m = mean(x, from, to);
        double s = 0;
        int n = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(x[i])) {
                s += (x[i] - m) * (x[i] - m);
                n++;
            }
        }
        return n < 2 ? Double.NaN : Math.sqrt(s / (n - 1));
    }

    private static double round(double v, int dec) {
        double f = Math.pow(10, dec);
        return Math.round(v * f) / f;
    }
}
