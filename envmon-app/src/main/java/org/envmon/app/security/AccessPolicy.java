package org.envmon.app.security;

import org.envmon.model.Medium;
import org.envmon.model.Site;
import org.envmon.model.SiteQuery;
import org.envmon.model.SiteStore;
import org.springframework.stereotype.Component;

/**
 * The scoped half of the rules ({@link EndpointRules} is the role half): what a role may do to one object.
 * <ul>
 *   <li>operator: reads and acts within its division;</li>
 *   <li>analyst (data-sharing partner): reads within the division and the media granted to it, never writes;</li>
 *   <li>maintainer: reads the sites assigned to it and proposes reviews of them, never a final decision;</li>
 *   <li>enterprise: reads its own sites only.</li>
 * </ul>
 */
@Component
public class AccessPolicy {
    private final SiteStore sites;

    public AccessPolicy(SiteStore sites) {
        this.sites = sites;
    }

    /** A final review decision (invalid / valid) on the site's data, or a decision on a maintainer's proposal. */
    public void requireReviewDecision(EnvmonUser user, Site site) {
        if (user.is(EndpointRules.MAINTAINER)) {
            throw new OutOfScopeException("a maintainer cannot make a final review decision: the one who runs the "
                    + "station does not certify its data (谁考核、谁监测); propose it at "
                    + "/api/v1/sites/" + site.code() + "/review-proposals");
        }
        requireSite(user, site);
    }

    /** A review proposal: only by a maintainer the site is assigned to. */
    public void requireProposal(EnvmonUser user, Site site) {
        if (!user.is(EndpointRules.MAINTAINER) || !user.sites().contains(site.code())) {
            throw new OutOfScopeException("site " + site.code() + " is not assigned to you");
        }
    }

    /** Any write about a site (alert transitions of a site alert, a station password, ...). */
    public void requireSite(EnvmonUser user, Site site) {
        if (!mayRead(user, site)) {
            throw new OutOfScopeException("site " + site.code() + " is " + scope(user, site));
        }
    }

    /** Reading a site's internals (review history, QC verdicts, its MN). */
    public void requireRead(EnvmonUser user, Site site) {
        requireSite(user, site);
    }

    /** Whether the caller may see the site's internals; false for the anonymous public. */
    public boolean mayRead(EnvmonUser user, Site site) {
        if (user == null) {
            return false;
        }
        return switch (user.role()) {
            case EndpointRules.ADMIN -> true;
            case EndpointRules.OPERATOR -> user.division().covers(site);
            case EndpointRules.ANALYST -> user.division().covers(site) && user.covers(site.medium());
            default -> user.sites().contains(site.code());
        };
    }

    /** A write or read about a city (a city alert, screening a city): the city must lie in the caller's division. */
    public void requireCity(EnvmonUser user, String city) {
        if (user.is(EndpointRules.ADMIN)) {
            return;
        }
        if (user.is(EndpointRules.ENTERPRISE)) {
            throw new OutOfScopeException("an enterprise reads its own sites only");
        }
        // A city's subjects (its AQI, its alerts, screening its stations) are air.
        if (user.is(EndpointRules.ANALYST) && !user.covers(Medium.AIR)) {
            throw new OutOfScopeException("air is not among the media granted to you (" + user.media() + ")");
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

    private static String scope(EnvmonUser user, Site site) {
        return switch (user.role()) {
            case EndpointRules.OPERATOR -> "outside your division (" + user.division() + ")";
            case EndpointRules.ANALYST -> user.division().covers(site) ? "of a medium not granted to you ("
                    + site.medium().code() + ")" : "outside your division (" + user.division() + ")";
            default -> "not one of the sites linked to your account";
        };
    }
}
