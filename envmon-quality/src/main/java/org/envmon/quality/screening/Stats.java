package org.envmon.quality.screening;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/** NaN-aware statistics shared by the detectors. Ranges are {@code [from, to)}. */
final class Stats {

    /** Days and calendar days are Beijing time (UTC+8), as in the national publications. */
    static final ZoneOffset BEIJING = org.envmon.model.BeijingTime.OFFSET;

    /** A time as evidence shows it: ISO-8601 at Beijing time, as the API answers. */
    static String beijing(Instant t) {
        return t.atOffset(BEIJING).toString();
    }

    private Stats() {
    }

    static double median(double[] a) {
        double[] c = new double[a.length];
        int n = 0;
        for (double v : a) {
            if (!Double.isNaN(v)) {
                c[n++] = v;
            }
        }
        return medianOfFirst(c, n);
    }

    /** Median of the first {@code n} entries (sorted in place); NaN for n = 0. */
    static double medianOfFirst(double[] c, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(c, 0, n);
        return n % 2 == 1 ? c[n / 2] : 0.5 * (c[n / 2 - 1] + c[n / 2]);
    }

    /** Per index, the median over rows (skipping row {@code exclude}), NaN where fewer than minCount are valid. */
    static double[] rowMedian(List<double[]> rows, int length, int minCount, int exclude) {
        double[] out = new double[length];
        double[] buf = new double[rows.size()];
        for (int i = 0; i < length; i++) {
            int n = 0;
            for (int r = 0; r < rows.size(); r++) {
                if (r == exclude) {
                    continue;
                }
                double v = rows.get(r)[i];
                if (!Double.isNaN(v)) {
                    buf[n++] = v;
                }
            }
            out[i] = n >= minCount ? medianOfFirst(buf, n) : Double.NaN;
        }
        return out;
    }

    static int count(double[] v, int from, int to) {
        int n = 0;
        for (int i = Math.max(0, from); i < Math.min(v.length, to); i++) {
            if (!Double.isNaN(v[i])) {
                n++;
            }
        }
        return n;
    }

    static double mean(double[] v, int from, int to) {
        double s = 0;
        int n = 0;
        for (int i = Math.max(0, from); i < Math.min(v.length, to); i++) {
            if (!Double.isNaN(v[i])) {
                s += v[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Sample standard deviation; NaN with fewer than 2 values. */
    static double std(double[] v, int from, int to) {
        double m = mean(v, from, to);
        double s = 0;
        int n = 0;
        for (int i = Math.max(0, from); i < Math.min(v.length, to); i++) {
            if (!Double.isNaN(v[i])) {
                s += (v[i] - m) * (v[i] - m);
                n++;
            }
        }
        return n < 2 ? Double.NaN : Math.sqrt(s / (n - 1));
    }

    /** Pearson correlation over the pairs where both are valid; NaN with fewer than minPairs or a constant side. */
    static double pearson(double[] x, double[] y, int from, int to, int minPairs) {
        return pearson(x, from, y, from, to - from, minPairs);
    }

    /** Pearson correlation of x[xFrom..xFrom+len) with y[yFrom..yFrom+len). */
    static double pearson(double[] x, int xFrom, double[] y, int yFrom, int len, int minPairs) {
        PairSums p = PairSums.of(x, xFrom, y, yFrom, len);
        if (p.n() < minPairs) {
            return Double.NaN;
        }
        double vx = p.sxx() - p.sx() * p.sx() / p.n();
        double vy = p.syy() - p.sy() * p.sy() / p.n();
        if (vx <= 1e-12 * Math.max(1, p.sxx()) || vy <= 1e-12 * Math.max(1, p.syy())) {
            return Double.NaN;
        }
        return p.centredCrossSum() / Math.sqrt(vx * vy);
    }

    /**
     * The sums over the pairs (x[xFrom+k], y[yFrom+k]), k in [0, len), where both indices are inside the arrays and
     * neither value is NaN: what a correlation or a least-squares line needs.
     */
    record PairSums(int n, double sx, double sy, double sxx, double syy, double sxy) {
        static PairSums of(double[] x, int xFrom, double[] y, int yFrom, int len) {
            double sx = 0;
            double sy = 0;
            double sxx = 0;
            double syy = 0;
            double sxy = 0;
            int n = 0;
            for (int k = 0; k < len; k++) {
                int i = xFrom + k;
                int j = yFrom + k;
                if (i < 0 || j < 0 || i >= x.length || j >= y.length) {
                    continue;
                }
                double a = x[i];
                double b = y[j];
                if (Double.isNaN(a) || Double.isNaN(b)) {
                    continue;
                }
                sx += a;
                sy += b;
                sxx += a * a;
                syy += b * b;
                sxy += a * b;
                n++;
            }
            return new PairSums(n, sx, sy, sxx, syy, sxy);
        }

        /** Σ(x − x̄)(y − ȳ) over the pairs. */
        double centredCrossSum() {
            return sxy - sx * sy / n;
        }
    }

    /** Index of the first hour of the series that starts a Beijing calendar day. */
    static int firstMidnight(HourlySeries s) {
        Instant t = s.start();
        int hour = t.atOffset(BEIJING).getHour();
        return (24 - hour) % 24;
    }

    /** Means of whole days starting at index {@code offset}; NaN for days with fewer than minHours values. */
    static double[] blockMeans(double[] v, int offset, int block, int minValid) {
        int days = Math.max(0, (v.length - offset) / block);
        double[] out = new double[days];
        for (int d = 0; d < days; d++) {
            int from = offset + d * block;
            out[d] = count(v, from, from + block) >= minValid ? mean(v, from, from + block) : Double.NaN;
        }
        return out;
    }

    static double clamp01(double x) {
        return Double.isNaN(x) ? 0 : Math.max(0, Math.min(1, x));
    }

    static double round(double x, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(x * f) / f;
    }
}
