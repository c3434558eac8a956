package org.envmon.app.security;

import org.envmon.model.Site;
import org.envmon.model.SiteQuery;
import org.envmon.model.SiteStore;
import org.springframework.stereotype.Component;

/**
 * The scoped half of the rules ({@link EndpointRules} is the role half): what a role may do to one object. An
 * operator acts only within its division; a maintainer never takes a final review decision.
 */
@Component
public class AccessPolicy {
    private final SiteStore sites;

    public AccessPolicy(SiteStore sites) {
        this.sites = sites;
    }

    /** A final review decision (invalid / valid) on the site's data. */
    public void requireReviewDecision(EnvmonUser user, Site site) {
        if (user.is(EndpointRules.MAINTAINER)) {
            throw new OutOfScopeException("a maintainer cannot make a final review decision: the one who runs the "
                    + "station does not certify its data (谁考核、谁监测)");
        }
        requireSite(user, site);
    }

    /** Any write about a site (alert transitions of a site alert, ...). */
    public void requireSite(EnvmonUser user, Site site) {
        if (user.is(EndpointRules.OPERATOR) && !user.division().covers(site)) {
            throw new OutOfScopeException("site " + site.code() + " is outside your division (" + user.division()
                    + ")");
        }
    }

    /** A write about a city (alert transitions of a city alert): the city must lie in the operator's division. */
    public void requireCity(EnvmonUser user, String city) {
        if (!user.is(EndpointRules.OPERATOR)) {
            return;
        }
        Division d = user.division();
        boolean covered = switch (d.level()) {
            case "national" -> true;
            case "city" -> d.name().equals(city);
            // A province covers the cities of its sites; a county does not cover a whole city.
            case "province" -> sites.list(SiteQuery.all()).stream()
                    .anyMatch(s -> city.equals(s.city()) && d.name().equals(s.province()));
            default -> false;
        };
        if (!covered) {
            throw new OutOfScopeException("city " + city + " is outside your division (" + d + ")");
        }
    }

    /** A write about a site by its code; an unknown site is left to the caller's 404. */
    public void requireSiteCode(EnvmonUser user, String code) {
        sites.byCode(code).ifPresent(s -> requireSite(user, s));
    }
}
