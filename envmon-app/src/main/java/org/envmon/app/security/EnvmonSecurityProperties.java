package org.envmon.app.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings ({@code envmon.security.*}).
 *
 * @param tokenCacheTtl   how long an API token lookup is cached: a token revoked or disabled elsewhere (the CLI on
 *                        PostgreSQL, another instance) stops working at most this long after; also how often a
 *                        token's last-used time is written
 * @param publicMetrics   whether {@code /actuator/prometheus} and {@code /actuator/metrics} are open to anyone
 *                        (default: no, a scraper authenticates with a token; metrics name internals)
 * @param tokenValidity   default validity of a new API token when none is given
 * @param rateLimit       requests per minute per client address (anonymous) and per token or session user
 * @param loginThrottle   failed form logins allowed per user name and per address before logins are refused
 * @param publicDelay     how long after its interval has ended a station value (and the AQI derived from it)
 *                        becomes visible to the anonymous public; 0 = as soon as stored (see {@link PublicationDelay})
 */
@ConfigurationProperties("envmon.security")
public record EnvmonSecurityProperties(
        @DefaultValue("5s") Duration tokenCacheTtl,
        @DefaultValue("false") boolean publicMetrics,
        @DefaultValue("90d") Duration tokenValidity,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue LoginThrottle loginThrottle,
        @DefaultValue("0s") Duration publicDelay) {

    /**
     * @param anonymousPerMinute requests per minute of one client address without credentials (0 = no limit)
     * @param tokenPerMinute     requests per minute of one token, or one session user (0 = no limit)
     * @param analystPerMinute   requests per minute of one analyst (data-sharing partner) token, instead of
     *                           {@code tokenPerMinute} (0 = no limit)
     * @param maxClients         buckets kept at most (least recently used dropped), so a flood of addresses cannot
     *                           grow memory
     */
    public record RateLimit(
            @DefaultValue("600") int anonymousPerMinute,
            @DefaultValue("60000") int tokenPerMinute,
            @DefaultValue("600") int analystPerMinute,
            @DefaultValue("100000") int maxClients) {
    }

    /**
     * @param maxFailures failed logins of one user name, or from one address, within the window before further
     *                    attempts are refused (0 = no throttling)
     * @param window      the window; once exhausted, logins are refused until it has passed
     */
    public record LoginThrottle(
            @DefaultValue("5") int maxFailures,
            @DefaultValue("15m") Duration window) {
    }
}
