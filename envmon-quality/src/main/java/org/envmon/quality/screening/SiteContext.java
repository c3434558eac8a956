package org.envmon.quality.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.envmon.model.Site;

/**
 * What a detector sees: one site's series and its neighbours' series of the same parameter, all put on the site's
 * hourly axis. The hourly median of the neighbours (the reference most detectors compare with) is computed once.
 */
public final class SiteContext {

    /** Neighbour values needed in an hour for the neighbour median to be defined. */
    public static final int MIN_NEIGHBOURS_FOR_MEDIAN = 2;

    private final Site site;
    private final HourlySeries series;
    private final List<Neighbour> neighbours;
    private final double[] values;
    private final List<double[]> neighbourValues;
    private double[] neighbourMedian;

    public SiteContext(Site site, HourlySeries series, List<Neighbour> neighbours) {
        this.site = Objects.requireNonNull(site, "site");
        this.series = Objects.requireNonNull(series, "series");
        this.neighbours = List.copyOf(neighbours);
        if (!site.code().equals(series.siteCode())) {
            throw new IllegalArgumentException("series of " + series.siteCode() + " given for site " + site.code());
        }
        this.values = series.values();
        List<double[]> nv = new ArrayList<>(this.neighbours.size());
        for (Neighbour n : this.neighbours) {
            if (!n.series().parameter().equals(series.parameter())) {
                throw new IllegalArgumentException("neighbour " + n.code() + " has parameter "
                        + n.series().parameter() + ", expected " + series.parameter());
            }
            nv.add(n.series().alignedTo(series.start(), series.length()));
        }
        this.neighbourValues = List.copyOf(nv);
    }

    /**
     * Picks the neighbours of {@code site} among {@code candidates} (site -> its series of the same parameter; the
     * site itself and series of other parameters are skipped) by {@code policy}.
     */
    public static SiteContext select(Site site, HourlySeries series, Map<Site, HourlySeries> candidates,
            NeighbourPolicy policy) {
        List<Neighbour> picked = new ArrayList<>();
        for (Map.Entry<Site, HourlySeries> e : candidates.entrySet()) {
            Site c = e.getKey();
            if (c.code().equals(site.code()) || !e.getValue().parameter().equals(series.parameter())) {
                continue;
            }
            double d = distanceKm(site, c);
            boolean near = !Double.isNaN(d) && d <= policy.radiusKm();
            boolean city = policy.sameCity() && site.city() != null && site.city().equals(c.city());
            if (near || city) {
                picked.add(new Neighbour(c, d, e.getValue()));
            }
        }
        picked.sort(Comparator.comparingDouble((Neighbour n) -> Double.isNaN(n.distanceKm())
                ? Double.MAX_VALUE : n.distanceKm()).thenComparing(Neighbour::code));
        if (picked.size() > policy.maxNeighbours()) {
            picked = picked.subList(0, policy.maxNeighbours());
        }
        return new SiteContext(site, series, picked);
    }

    /** Great-circle distance in km, NaN when either site lacks coordinates. */
    public static double distanceKm(Site a, Site b) {
        if (a.latitude() == null || a.longitude() == null || b.latitude() == null || b.longitude() == null) {
            return Double.NaN;
        }
        double la1 = Math.toRadians(a.latitude());
        double la2 = Math.toRadians(b.latitude());
        double dla = la2 - la1;
        double dlo = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.sin(dla / 2) * Math.sin(dla / 2)
                + Math.cos(la1) * Math.cos(la2) * Math.sin(dlo / 2) * Math.sin(dlo / 2);
        return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    public Site site() {
        return site;
    }

    public HourlySeries series() {
        return series;
    }

    public List<Neighbour> neighbours() {
        return neighbours;
    }

    public String parameter() {
        return series.parameter();
    }

    public int length() {
        return values.length;
    }

    /** The site's values (shared array: detectors must not write to it). */
    double[] values() {
        return values;
    }

    /** Neighbour {@code j}'s values on the site's axis (shared array: detectors must not write to it). */
    double[] neighbourValues(int j) {
        return neighbourValues.get(j);
    }

    List<double[]> neighbourValues() {
        return neighbourValues;
    }

    /** Hourly median of the neighbours; NaN where fewer than {@value #MIN_NEIGHBOURS_FOR_MEDIAN} have a value. */
    public synchronized double[] neighbourMedian() {
        if (neighbourMedian == null) {
            neighbourMedian = Stats.rowMedian(neighbourValues, values.length, MIN_NEIGHBOURS_FOR_MEDIAN, -1);
        }
        return neighbourMedian.clone();
    }

    double[] neighbourMedianShared() {
        neighbourMedian();
        return neighbourMedian;
    }
}
