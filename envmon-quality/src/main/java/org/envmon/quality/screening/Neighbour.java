package org.envmon.quality.screening;

import java.util.Objects;
import org.envmon.model.Site;

/** A neighbouring site with its series of the same parameter; {@code distanceKm} is NaN when coordinates lack. */
public record Neighbour(Site site, double distanceKm, HourlySeries series) {

    public Neighbour {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(series, "series");
    }

    public String code() {
        return site.code();
    }
}
