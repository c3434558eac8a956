package org.envmon.quality.qc;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bounded memory of the last values per (site, parameter, interval), for the series checks. In memory only: after a
 * restart (or after a site or series was evicted) the series checks start fresh, so the first values of each series
 * get no constant, spike, rate, order or duplicate check.
 *
 * <p>Sites live in striped access-ordered LRU maps (one lock per stripe, held only for the lookup). The caller locks
 * the {@link SiteSeries} it got while it checks that site's rows, so one site's packets are checked one after the
 * other. If a site is evicted while a thread still holds it, that thread finishes on the old state and the next packet
 * starts a fresh one: state may be lost, never shared incorrectly.
 */
final class SeriesMemory {
    private static final int STRIPES = 16;

    private final Stripe[] stripes = new Stripe[STRIPES];
    private final int maxSeriesPerSite;

    SeriesMemory(int maxSites, int maxSeriesPerSite) {
        int perStripe = Math.max(1, (maxSites + STRIPES - 1) / STRIPES);
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe(perStripe);
        }
        this.maxSeriesPerSite = maxSeriesPerSite;
    }

    SiteSeries site(String siteCode) {
        int h = siteCode.hashCode();
        Stripe s = stripes[(h ^ (h >>> 16)) & (STRIPES - 1)];
        synchronized (s) {
            SiteSeries ss = s.get(siteCode);
            if (ss == null) {
                ss = new SiteSeries(maxSeriesPerSite);
                s.put(siteCode, ss);
            }
            return ss;
        }
    }

    int siteCount() {
        int n = 0;
        for (Stripe s : stripes) {
            synchronized (s) {
                n += s.size();
            }
        }
        return n;
    }

    private static final class Stripe extends LinkedHashMap<String, SiteSeries> {
        private final int max;

        Stripe(int max) {
            super(64, 0.75f, true);
            this.max = max;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SiteSeries> eldest) {
            return size() > max;
        }
    }

    /** The series of one site; guarded by its own monitor. */
    static final class SiteSeries {
        private final int maxSeries;
        private final HashMap<String, Series[]> byCode = new HashMap<>();
        private final java.util.ArrayDeque<String> insertion = new java.util.ArrayDeque<>();

        SiteSeries(int maxSeries) {
            this.maxSeries = maxSeries;
        }

        /** The series for a code and interval ordinal, created on first use. Caller holds this monitor. */
        Series series(String code, int interval) {
            Series[] byInterval = byCode.get(code);
            if (byInterval == null) {
                if (byCode.size() >= maxSeries) {
                    byCode.remove(insertion.pollFirst());
                }
                byInterval = new Series[4];
                byCode.put(code, byInterval);
                insertion.addLast(code);
            }
            Series s = byInterval[interval];
            if (s == null) {
                s = new Series();
                byInterval[interval] = s;
            }
            return s;
        }

        int seriesCount() {
            return byCode.size();
        }
    }

    /** Last-seen state of one series. */
    static final class Series {
        /** Latest time seen (epoch ms), Long.MIN_VALUE = none yet. */
        long lastTime = Long.MIN_VALUE;
        /** Value and time the next rate/spike check compares with: the last in-order value that passed the point checks. */
        double baseValue = Double.NaN;
        long baseTime;
        /** The value of the current run of equal values, its length and the time of its first value (epoch ms). */
        double runValue = Double.NaN;
        int runLength;
        long runStart;
    }
}
