package org.envmon.app.web.feeds;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code envmon.feeds.*}.
 *
 * @param ttl the longest a feed is served from its cache; new derived air data drops it sooner (reviews and water
 *            values reach the feeds within this time)
 */
@ConfigurationProperties("envmon.feeds")
public record FeedsProperties(@DefaultValue("30s") Duration ttl) {
}
