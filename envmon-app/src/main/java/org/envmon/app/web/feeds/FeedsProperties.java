package org.envmon.app.web.feeds;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code envmon.feeds.*}.
 *
 * @param ttl a feed older than this is rebuilt in the background at its next request (reviews and water values
 *            reach the feeds within about this time); new derived air data has it rebuilt at once
 */
@ConfigurationProperties("envmon.feeds")
public record FeedsProperties(@DefaultValue("30s") Duration ttl) {
}
