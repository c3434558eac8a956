package org.envmon.model;

import java.time.ZoneOffset;

/**
 * Beijing time (UTC+8, no daylight saving): the time base of the national standards (HJ 633 hours and days, HJ 663
 * natural days, HJ 212 DataTime) and of every answer EnvMon gives. The one definition of it.
 */
public final class BeijingTime {
    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);

    private BeijingTime() {
    }
}
