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
 */
@ConfigurationProperties("envmon.security")
public record EnvmonSecurityProperties(
        @DefaultValue("5s") Duration tokenCacheTtl,
        @DefaultValue("false") boolean publicMetrics,
        @DefaultValue("90d") Duration tokenValidity) {
}
