package org.envmon.quality.screening;

/**
 * Which sites count as neighbours of a site: every candidate within {@code radiusKm}, plus (when {@code sameCity})
 * every candidate of the same city, nearest first, at most {@code maxNeighbours}. Candidates without coordinates are
 * only taken by the same-city rule and come after the located ones.
 */
public record NeighbourPolicy(double radiusKm, boolean sameCity, int maxNeighbours) {

    public NeighbourPolicy {
        if (radiusKm < 0 || maxNeighbours < 1) {
            throw new IllegalArgumentException("radiusKm >= 0 and maxNeighbours >= 1 required");
        }
    }

    /** Same city or within 30 km, at most 10. */
    public static NeighbourPolicy defaults() {
        return new NeighbourPolicy(30.0, true, 10);
    }
}
