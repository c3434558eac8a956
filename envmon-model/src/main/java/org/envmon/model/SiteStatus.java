package org.envmon.model;

import java.time.Instant;

/**
 * Whether a site is online: its last packet is younger than the caller's threshold.
 *
 * @param lastPacketAt receive time of the latest raw packet from the site's MN or the latest stored value of the
 *                     site, whichever is later; null when nothing was ever received
 */
public record SiteStatus(String siteCode, Instant lastPacketAt, boolean online) {
}
