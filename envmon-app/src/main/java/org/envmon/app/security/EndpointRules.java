package org.envmon.app.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * Every endpoint of the platform, classified: the one place that says who may call what. The security filter chain
 * is built from this list (first match wins), anything not listed is refused, and {@code EndpointRulesTest} fails
 * when a mapped endpoint has no rule here.
 *
 * <ul>
 *   <li>public read: anyone, no login (published data, API docs, health);</li>
 *   <li>authenticated read: any account or token;</li>
 *   <li>write (or a costly read): only the roles named; scoped checks (an operator's division, a maintainer's
 *       limits) are made by {@link AccessPolicy} on the object acted on.</li>
 * </ul>
 */
public final class EndpointRules {
    public static final String ADMIN = "admin";
    public static final String OPERATOR = "operator";
    public static final String MAINTAINER = "maintainer";
    public static final String ENTERPRISE = "enterprise";
    public static final String ANALYST = "analyst";

    public enum Access { PUBLIC, AUTHENTICATED, ROLES }

    /**
     * @param method  null = every method
     * @param pattern a Spring path pattern, written as the controller maps it
     */
    public record Rule(HttpMethod method, String pattern, Access access, Set<String> roles) {
    }

    private EndpointRules() {
    }

    public static List<Rule> rules(EnvmonSecurityProperties props) {
        List<Rule> r = new ArrayList<>();
        // Published data: sites, series, AQI, evaluations, rankings, water, reports, alerts (and their stream).
        publicRead(r, "/api/v1/sites", "/api/v1/sites/{code}", "/api/v1/sites/{code}/latest",
                "/api/v1/sites/{code}/observations", "/api/v1/sites/{code}/quality",
                "/api/v1/parameters", "/api/v1/parameters/{code}",
                "/api/v1/aqi/hourly", "/api/v1/aqi/daily", "/api/v1/aqi/cities/latest",
                "/api/v1/cities/{city}/evaluation", "/api/v1/rankings/cities", "/api/v1/rankings/water",
                "/api/v1/water/sections/{code}/class", "/api/v1/water/evaluation",
                "/api/v1/reports/air", "/api/v1/reports/water",
                "/api/v1/alerts", "/api/v1/alerts/{id}", "/api/v1/alerts/stream");
        // The public face of the trail (period, sequence range, Merkle root of the latest seal) and where the
        // published data ends (the pages open on a period with data): both small and cached or indexed.
        publicRead(r, "/api/v1/chain/checkpoints/latest", "/api/v1/portal/periods");
        // The public map's snapshots: built from the same published data (derived AQI, valid values, no MN).
        publicRead(r, "/api/v1/feeds/stations/latest", "/api/v1/feeds/cities/latest", "/api/v1/feeds/water/latest");
        // Pollution sources' automatic monitoring, which enterprises disclose (自行监测信息公开): the published hours.
        publicRead(r, "/api/v1/sources/outlets/{code}/hours");
        // QC internals, review history and raw evidence: for accounts and tokens, not the anonymous public.
        authenticatedRead(r, "/api/v1/sites/{code}/reviews", "/api/v1/sites/{code}/qc-flags",
                "/api/v1/quality/suspicions", "/api/v1/chain/checkpoints");
        // API documentation and liveness.
        publicRead(r, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
                "/swagger-ui/**", "/actuator/health", "/actuator/health/**", "/actuator/info");
        // Metrics name internals (connections, queues, failures): for a scraper with a token unless made public.
        for (String p : List.of("/actuator", "/actuator/prometheus", "/actuator/metrics",
                "/actuator/metrics/{requiredMetricName}")) {
            r.add(props.publicMetrics() ? new Rule(HttpMethod.GET, p, Access.PUBLIC, Set.of())
                    : write(HttpMethod.GET, p, ADMIN, OPERATOR, MAINTAINER));
        }
        // Who am I (and the session's CSRF token).
        r.add(new Rule(HttpMethod.GET, "/api/v1/me", Access.AUTHENTICATED, Set.of()));
        // Writes. A maintainer passes here to reach the review endpoint, and AccessPolicy refuses it a final
        // decision ("谁考核、谁监测": who runs the station does not certify its data): it proposes, an operator
        // of the site's division (or an admin) accepts or rejects.
        r.add(write(HttpMethod.POST, "/api/v1/sites/{code}/reviews", ADMIN, OPERATOR, MAINTAINER));
        r.add(write(HttpMethod.POST, "/api/v1/sites/{code}/review-proposals", MAINTAINER));
        r.add(write(HttpMethod.GET, "/api/v1/review-proposals", ADMIN, OPERATOR, MAINTAINER));
        r.add(write(HttpMethod.POST, "/api/v1/review-proposals/{id}/accept", ADMIN, OPERATOR));
        r.add(write(HttpMethod.POST, "/api/v1/review-proposals/{id}/reject", ADMIN, OPERATOR));
        // The station registry: an operator registers and edits sites of its division (AccessPolicy).
        r.add(write(HttpMethod.POST, "/api/v1/sites", ADMIN, OPERATOR));
        r.add(write(HttpMethod.PUT, "/api/v1/sites/{code}", ADMIN, OPERATOR));
        // Station credentials: a new HJ 212 password, shown once.
        r.add(write(HttpMethod.POST, "/api/v1/sites/{code}/hj212-password", ADMIN, OPERATOR));
        r.add(write(HttpMethod.POST, "/api/v1/alerts/{id}/acknowledge", ADMIN, OPERATOR));
        r.add(write(HttpMethod.POST, "/api/v1/alerts/{id}/close", ADMIN, OPERATOR));
        // A full re-read of the store: costly, so not for the anonymous public.
        r.add(write(HttpMethod.POST, "/api/v1/chain/verify", ADMIN, OPERATOR));
        // Accounts' tokens and the audit trail.
        r.add(write(HttpMethod.GET, "/api/v1/tokens", ADMIN));
        r.add(write(HttpMethod.POST, "/api/v1/tokens", ADMIN));
        r.add(write(HttpMethod.DELETE, "/api/v1/tokens/{id}", ADMIN));
        r.add(write(HttpMethod.GET, "/api/v1/audit", ADMIN));
        // User accounts (the console's users table; a generated password is returned once).
        r.add(write(HttpMethod.GET, "/api/v1/users", ADMIN));
        r.add(write(HttpMethod.POST, "/api/v1/users", ADMIN));
        r.add(write(HttpMethod.POST, "/api/v1/users/{name}/disable", ADMIN));
        r.add(write(HttpMethod.POST, "/api/v1/users/{name}/enable", ADMIN));
        r.add(write(HttpMethod.POST, "/api/v1/users/{name}/reset-password", ADMIN));
        // The operator console's own reads (org.envmon.app.console), scoped to the caller's division: the review
        // queue (for those who decide reviews) and the stations' capture and valid rates (any account).
        r.add(write(HttpMethod.GET, "/api/v1/review-queue", ADMIN, OPERATOR));
        authenticatedRead(r, "/api/v1/station-rates");
        // Rebuilding a range of derived air data (a costly write; an operator for a city of its division).
        r.add(write(HttpMethod.POST, "/api/v1/recompute", ADMIN, OPERATOR));
        // The web pages (envmon-web): the public portal, the console's shell (its data comes from the API above,
        // under the API's rules), the map base layer and the scripts they load. Static files only.
        publicRead(r, "/", "/index.html", "/favicon.ico", "/portal/**", "/geo/**", "/webjars/**",
                "/console", "/console/**");
        // The detail pages: a station, a city, a pollution-source outlet, the rankings, the verify panel and the
        // not-found page.
        publicRead(r, "/station.html", "/city.html", "/rankings.html", "/verify.html", "/not-found.html",
                "/outlet.html");
        // The sites linked to an account (a maintainer's stations, an enterprise's sources).
        r.add(write(HttpMethod.GET, "/api/v1/accounts/{name}/sites", ADMIN));
        r.add(write(HttpMethod.PUT, "/api/v1/accounts/{name}/sites", ADMIN));
        // The media an analyst's grant covers.
        r.add(write(HttpMethod.GET, "/api/v1/accounts/{name}/media", ADMIN));
        r.add(write(HttpMethod.PUT, "/api/v1/accounts/{name}/media", ADMIN));
        // The error page renders errors of requests already authorised (or refused) above.
        r.add(new Rule(null, "/error", Access.PUBLIC, Set.of()));
        // The login form (Spring Security's own page) and logout.
        r.add(new Rule(null, "/login", Access.PUBLIC, Set.of()));
        r.add(new Rule(HttpMethod.POST, "/logout", Access.AUTHENTICATED, Set.of()));
        return List.copyOf(r);
    }

    private static void publicRead(List<Rule> r, String... patterns) {
        for (String p : patterns) {
            r.add(new Rule(HttpMethod.GET, p, Access.PUBLIC, Set.of()));
            r.add(new Rule(HttpMethod.HEAD, p, Access.PUBLIC, Set.of()));
        }
    }

    private static void authenticatedRead(List<Rule> r, String... patterns) {
        for (String p : patterns) {
            r.add(new Rule(HttpMethod.GET, p, Access.AUTHENTICATED, Set.of()));
            r.add(new Rule(HttpMethod.HEAD, p, Access.AUTHENTICATED, Set.of()));
        }
    }

    private static Rule write(HttpMethod method, String pattern, String... roles) {
        return new Rule(method, pattern, Access.ROLES, Set.of(roles));
    }
}
