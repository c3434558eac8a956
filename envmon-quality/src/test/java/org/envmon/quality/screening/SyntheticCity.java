package org.envmon.quality.screening;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.envmon.model.Medium;
import org.envmon.model.Site;

/** A hand-made city: a shared regional signal (slow log-AR(1) plus a diurnal cycle) seen by each site with noise. */
final class SyntheticCity {

    static final Instant START = Instant.parse("2019-01-01T16:00:00Z"); // 2019-01-02 00:00 Beijing

    final int hours;
    final double[] regional;
    final Map<Site, HourlySeries> sites = new LinkedHashMap<>();

    SyntheticCity(int days, int nSites, double level, long seed) {
        hours = days * 24;
        SplittableRandom rnd = new SplittableRandom(seed);
        regional = new double[hours];
        double z = 0;
        for (int i = 0; i < hours; i++) {
            z = 0.97 * z + 0.08 * rnd.nextGaussian();
            regional[i] = level * Math.exp(2.2 * z) * (1 + 0.25 * Math.sin(2 * Math.PI * (i % 24) / 24.0));
        }
        for (int k = 0; k < nSites; k++) {
            double[] v = new double[hours];
            double f = 0.9 + 0.2 * rnd.nextDouble();
            for (int i = 0; i < hours; i++) {
                v[i] = Math.max(1, Math.round(f * regional[i] * (1 + 0.08 * rnd.nextGaussian()) + 2 * rnd.nextGaussian()));
            }
            String code = "S" + k;
            Site s = new Site(code, code, Medium.AIR, null, null, null, "test", null, null, 30.0 + 0.01 * k, 120.0,
                    false);
            sites.put(s, new HourlySeries(code, "PM2.5", START, v));
        }
    }

    Site site(int k) {
        return sites.keySet().stream().filter(s -> s.code().equals("S" + k)).findFirst().orElseThrow();
    }

    double[] values(int k) {
        return sites.get(site(k)).values();
    }

    void replace(int k, double[] v) {
        sites.put(site(k), sites.get(site(k)).withValues(v));
    }

    SiteContext context(int k) {
        return SiteContext.select(site(k), sites.get(site(k)), sites, NeighbourPolicy.defaults());
    }
}
