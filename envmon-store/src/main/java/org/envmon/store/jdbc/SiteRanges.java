package org.envmon.store.jdbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Time ranges per site position, each over one parameter position (−1 = every parameter) and with a verdict on the
 * values it covers, in the order given: the first range covering a value decides. The hourly reader's reviews
 * (newest first) and retroactive QC flags.
 */
final class SiteRanges {
    /** What {@link #verdict} answers where no range covers the value. */
    static final int NONE = -1;

    private final int[][] param;
    private final long[][] from;
    private final long[][] to;
    private final boolean[][] valid;

    private SiteRanges(int sites) {
        param = new int[sites][];
        from = new long[sites][];
        to = new long[sites][];
        valid = new boolean[sites][];
    }

    /**
     * The ranges of {@code items}, by the site position {@code site} gives (−1: not asked, dropped) and the parameter
     * position {@code param} gives.
     */
    static <T> SiteRanges of(int sites, Iterable<T> items, ToIntFunction<T> site, ToIntFunction<T> param,
            Function<T, Instant> from, Function<T, Instant> to, Predicate<T> valid) {
        List<List<T>> bySite = new ArrayList<>(sites);
        for (int i = 0; i < sites; i++) {
            bySite.add(null);
        }
        for (T item : items) {
            int s = site.applyAsInt(item);
            if (s >= 0) {
                if (bySite.get(s) == null) {
                    bySite.set(s, new ArrayList<>());
                }
                bySite.get(s).add(item);
            }
        }
        SiteRanges r = new SiteRanges(sites);
        for (int s = 0; s < sites; s++) {
            List<T> l = bySite.get(s);
            if (l == null) {
                continue;
            }
            int k = l.size();
            r.param[s] = new int[k];
            r.from[s] = new long[k];
            r.to[s] = new long[k];
            r.valid[s] = new boolean[k];
            for (int j = 0; j < k; j++) {
                T item = l.get(j);
                r.param[s][j] = param.applyAsInt(item);
                r.from[s][j] = Jdbc.epochMicros(from.apply(item));
                r.to[s][j] = Jdbc.epochMicros(to.apply(item));
                r.valid[s][j] = valid.test(item);
            }
        }
        return r;
    }

    /** 1 (valid) or 0 (invalid) from the first range of site {@code s} covering parameter {@code p} at {@code t} (µs); else {@link #NONE}. */
    int verdict(int s, int p, long t) {
        int[] ps = param[s];
        if (ps != null) {
            for (int j = 0; j < ps.length; j++) {
                if ((ps[j] < 0 || ps[j] == p) && t >= from[s][j] && t < to[s][j]) {
                    return valid[s][j] ? 1 : 0;
                }
            }
        }
        return NONE;
    }
}
